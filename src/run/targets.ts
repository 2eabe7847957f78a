import type { BenchGroup, Step } from '../bench/types'
import { Input } from '../config/inputs'
import type { RunConfig, Target } from '../config/run-config'
import type { GroupName } from '../bench/types'
import { parseConfigInput } from '../pulumi/config-input'
import { checkStackIsNew } from '../pulumi/existing-stack'
import { resolvePulumi } from '../pulumi/install'
import type { StackLedger } from '../teardown/ledger'
import { parallelismNote } from '../pulumi/parallel-default'
import { checkProgramFolder } from '../pulumi/program'
import { commandCycle } from '../bench/cycle-steps'
import { pulumiBenchGroup } from '../pulumi/cycle'
import { initStack, makeGroupBackends, pulumiEnv } from '../pulumi/stacks'
import type { StackRef } from '../pulumi/stack-ref'

export interface TargetContext {
  /** Scratch folder of this run (the default local backend lives here). */
  workDir: string
  log: (line: string) => void
  /** Where every stack goes once its own `stack init` succeeded. */
  ledger: StackLedger
  /** Told the folder of the local backend made for this run, removed once it is empty. */
  onOwnBackend: (folder: string) => void
  /** Stops the setup before the next download or stack (a cancellation). */
  checkStopped: () => void
}

/** The two groups to measure, with the Pulumi versions when they are Pulumi groups. */
export interface PreparedTarget {
  groups: [BenchGroup, BenchGroup]
  versions?: Record<GroupName, string>
  /** What the user should know about the comparison itself, for the log and the results. */
  notes?: string[]
}

/**
 * Sets up what is measured. Cheap checks of the inputs come first, so bad input fails
 * before anything is downloaded or created; what is created is recorded for the
 * teardown as it is made.
 */
export async function setUpTarget(
  config: RunConfig,
  context: TargetContext
): Promise<PreparedTarget> {
  const userStep = (script: string, extra: Partial<Step> = {}): Step => ({
    command: { kind: 'shell', script },
    ...extra
  })
  if (config.target.kind === 'commands') {
    const group = (name: GroupName, script: string): BenchGroup => ({
      name,
      label: script,
      cycle: commandCycle(
        userStep(script),
        config.prepare === undefined ? [] : [userStep(config.prepare)]
      )
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
  const stackName = (name: GroupName) => `${target.stackPrefix}-${name}`
  // Before any download: a stack we did not create is never ours to destroy.
  for (const name of ['baseline', 'candidate'] as const) {
    const { backendUrl } = target
    checkStackIsNew(
      { programDir: programs[name], stack: stackName(name), backendUrl },
      Input.StackPrefix
    )
  }
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
  const versions = { baseline: binaries.baseline.version, candidate: binaries.candidate.version }
  const parallelism =
    target.parallel === undefined ? parallelismNote(versions, process.env) : undefined
  context.checkStopped()
  // The user's backend is shared; ours is one per group, for versions on either side of
  // Pulumi's backend layout change (makeGroupBackends).
  let backendUrls: Record<GroupName, string>
  if (target.backendUrl === undefined) {
    const own = await makeGroupBackends(context.workDir, ['baseline', 'candidate'] as const)
    context.onOwnBackend(own.folder)
    backendUrls = own.urls
  } else {
    backendUrls = { baseline: target.backendUrl, candidate: target.backendUrl }
  }

  const group = async (name: GroupName): Promise<BenchGroup> => {
    const ref: StackRef = {
      binary: binaries[name].path,
      programDir: programs[name],
      stack: stackName(name),
      backendUrl: backendUrls[name]
    }
    context.checkStopped()
    context.log(`Creating stack ${ref.stack} for pulumi ${binaries[name].version} (${name})`)
    await initStack(ref, stackConfig, {
      input: Input.StackPrefix,
      onCreated: () => context.ledger.record(ref)
    })
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
      phases: config.phases,
      prepare
    })
  }
  return {
    groups: [await group('baseline'), await group('candidate')],
    versions,
    ...(parallelism === undefined ? {} : { notes: [parallelism] })
  }
}
