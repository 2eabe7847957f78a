import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { runCleanup } from '../bench/cleanup'
import type { BenchGroup, Step } from '../bench/types'
import { Input } from '../config/inputs'
import type { RunConfig, Target } from '../config/run-config'
import type { GroupName } from '../bench/types'
import { parseConfigInput } from '../pulumi/config-input'
import { resolvePulumi } from '../pulumi/install'
import { StackLedger } from '../pulumi/ledger'
import { checkProgramFolder } from '../pulumi/program'
import { initStack, makeLocalBackend, pulumiBenchGroup, pulumiEnv } from '../pulumi/stacks'
import type { StackRef } from '../pulumi/stack-ref'
import type { CleanupStack } from './cleanup-stack'

export interface TargetContext {
  /** Scratch folder of this run (the default local backend lives here). */
  workDir: string
  logDir: string
  cleanup: CleanupStack
  log: (line: string) => void
  /** Receives the list of stacks after every change (the action saves it for the post step). */
  saveStacks?: (serialized: string) => void
}

/** The two groups to measure, with the Pulumi versions when they are Pulumi groups. */
export interface PreparedTarget {
  groups: [BenchGroup, BenchGroup]
  versions?: Record<GroupName, string>
}

/**
 * Sets up what is measured and registers its teardown. Cheap checks of the inputs
 * come first, so bad input fails before anything is downloaded or created.
 */
export async function setUpTarget(
  config: RunConfig,
  context: TargetContext
): Promise<PreparedTarget> {
  const userStep = (script: string, extra: Partial<Step> = {}): Step => ({
    command: { kind: 'shell', script },
    ...extra
  })
  const { cleanup: cleanupCommand } = config
  if (cleanupCommand !== undefined) {
    // Registered first so it runs last: after the stacks are gone (SPEC §2).
    context.cleanup.push(() =>
      runCleanup([userStep(cleanupCommand)], config.shell, {
        logPath: join(context.logDir, 'cleanup.log'),
        timeoutMs: config.timeoutMs
      })
    )
  }
  if (config.target.kind === 'commands') {
    const group = (name: GroupName, script: string): BenchGroup => ({
      name,
      label: script,
      timed: userStep(script),
      prepare: config.prepare === undefined ? [] : [userStep(config.prepare)]
    })
    return {
      groups: [
        group('baseline', config.target.baseline),
        group('candidate', config.target.candidate)
      ]
    }
  }
  return setUpPulumi(config, config.target, context, userStep)
}

async function setUpPulumi(
  config: RunConfig,
  target: Extract<Target, { kind: 'pulumi' }>,
  context: TargetContext,
  userStep: (script: string, extra?: Partial<Step>) => Step
): Promise<PreparedTarget> {
  const program = checkProgramFolder(target.program, Input.Program)
  // A baseline-program left to default is `program`: report problems under that name.
  const programs = {
    baseline:
      target.baselineProgram === target.program
        ? program
        : checkProgramFolder(target.baselineProgram, Input.BaselineProgram),
    candidate: program
  }
  const stackConfig = parseConfigInput(target.config, Input.Config)
  // One after the other: the tool cache has no lock for two installs at once.
  const binaries = {
    baseline: await resolvePulumi(target.baselineVersion, {
      input: Input.BaselineVersion,
      downloadUrl: target.downloadUrl,
      log: context.log
    }),
    candidate: await resolvePulumi(target.candidateVersion, {
      input: Input.CandidateVersion,
      downloadUrl: target.downloadUrl,
      allowInstalled: true,
      log: context.log
    })
  }
  const backendUrl = target.backendUrl ?? (await makeLocalBackend(context.workDir))
  const ledger = new StackLedger(context.saveStacks)
  context.cleanup.push(async () => {
    const warnings = await ledger.destroyAll({ timeoutMs: config.timeoutMs })
    if (target.backendUrl !== undefined) return warnings
    // Our own backend goes only when every stack in it is gone: the state of a stack
    // whose destroy failed is how the user finds what it created.
    // makeLocalBackend's URL is `file://` + the folder (not a WHATWG file URL on Windows).
    const folder = backendUrl.slice('file://'.length)
    if (warnings.length === 0) await rm(folder, { recursive: true, force: true })
    else warnings.push(`the state of those stacks is kept in ${backendUrl}`)
    return warnings
  })

  const group = async (name: GroupName): Promise<BenchGroup> => {
    const ref: StackRef = {
      binary: binaries[name].path,
      programDir: programs[name],
      stack: `${target.stackPrefix}-${name}`,
      backendUrl
    }
    context.log(`Creating stack ${ref.stack} for pulumi ${binaries[name].version} (${name})`)
    // Recorded first, so a stack that is half created is still cleaned up.
    ledger.record(ref)
    await initStack(ref, stackConfig)
    // The user's prepare sees the group's own pulumi and backend, like the timed step.
    const prepare =
      config.prepare === undefined
        ? []
        : [userStep(config.prepare, { env: pulumiEnv(ref), cwd: ref.programDir })]
    return pulumiBenchGroup({
      name,
      ref,
      version: binaries[name].version,
      parallel: target.parallel,
      prepare
    })
  }
  return {
    groups: [await group('baseline'), await group('candidate')],
    versions: { baseline: binaries.baseline.version, candidate: binaries.candidate.version }
  }
}
