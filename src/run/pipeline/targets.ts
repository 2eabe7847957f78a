import type { BenchGroup, Step } from '../../bench/types'
import { Input } from '../../config/inputs'
import type { RunConfig, Target } from '../../config/run-config'
import { parseConfigInput } from '../../pulumi/stack/config-input'
import { checkStackIsNew } from '../../pulumi/stack/existing-stack'
import { resolvePulumi, type ResolvedPulumi } from '../../pulumi/install/install'
import { versionList } from '../../pulumi/versions/version-list'
import type { StackLedger } from '../../teardown/ledger'
import { parallelismNote } from '../../pulumi/parallel-default'
import { checkProgramFolder } from '../../pulumi/program'
import { commandCycle } from '../../bench/cycle/cycle-steps'
import { pulumiBenchGroup } from '../../pulumi/cycle'
import { initStack, makeGroupBackends, pulumiEnv, type StackRef } from '../../pulumi/stack/stacks'

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

/** The groups to measure, baseline first, with the Pulumi versions when they are Pulumi groups. */
export interface PreparedTarget {
  groups: BenchGroup<string>[]
  versions?: Record<string, string>
  /** What the user should know about the comparison itself, for the log and the results. */
  notes?: string[]
}

/**
 * The names of `count` groups: `baseline` and `candidate` for two, as always; a sweep's
 * candidates are numbered (`candidate-1`, …), names safe in stack and log file names.
 */
export function groupNames(count: number): string[] {
  if (count === 2) return ['baseline', 'candidate']
  return ['baseline', ...Array.from({ length: count - 1 }, (_, index) => `candidate-${index + 1}`)]
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
    const group = (name: string, script: string): BenchGroup<string> => ({
      name,
      label: script,
      cycle: commandCycle(
        userStep(script),
        config.prepare === undefined ? [] : [userStep(config.prepare)]
      )
    })
    const { baseline, candidate, more = [] } = config.target
    const scripts = [baseline, candidate, ...more]
    const names = groupNames(scripts.length)
    return { groups: scripts.map((script, index) => group(names[index]!, script)) }
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
  const baselineProgram =
    target.baselineProgram === target.program
      ? program
      : checkProgramFolder(target.baselineProgram, Input.BaselineProgram)
  const specs = [target.baselineVersion, ...versionList(target.candidateVersion)]
  const names = groupNames(specs.length)
  const programOf = (index: number) => (index === 0 ? baselineProgram : program)
  const stackConfig = parseConfigInput(target.config, Input.Config)
  const stackName = (name: string) => `${target.stackPrefix}-${name}`
  // Before any download: a stack we did not create is never ours to destroy.
  names.forEach((name, index) => {
    const { backendUrl } = target
    checkStackIsNew(
      { programDir: programOf(index), stack: stackName(name), backendUrl },
      Input.StackPrefix
    )
  })
  // One after the other: the tool cache has no lock for two installs at once. Each
  // version is resolved (downloaded, verified, cached) once however often it is listed.
  const resolved = new Map<string, ResolvedPulumi>()
  const binaries: ResolvedPulumi[] = []
  for (const [index, spec] of specs.entries()) {
    let binary = resolved.get(spec)
    if (binary === undefined) {
      context.checkStopped()
      binary = await resolvePulumi(spec, {
        input: index === 0 ? Input.BaselineVersion : Input.CandidateVersion,
        downloadUrl: target.downloadUrl,
        ...(index === 0 ? {} : { allowInstalled: true }),
        log: context.log
      })
      resolved.set(spec, binary)
    }
    binaries.push(binary)
  }
  const versions: Record<string, string> = Object.fromEntries(
    names.map((name, index) => [name, binaries[index]!.version])
  )
  const notes =
    target.parallel === undefined
      ? binaries.slice(1).flatMap(candidate => {
          const versionsPair = { baseline: binaries[0]!.version, candidate: candidate.version }
          return parallelismNote(versionsPair, process.env) ?? []
        })
      : []
  context.checkStopped()
  // The user's backend is shared; ours is one per group, for versions on either side of
  // Pulumi's backend layout change (makeGroupBackends).
  let backendUrls: Record<string, string>
  if (target.backendUrl === undefined) {
    const own = await makeGroupBackends(context.workDir, names)
    context.onOwnBackend(own.folder)
    backendUrls = own.urls
  } else {
    backendUrls = Object.fromEntries(names.map(name => [name, target.backendUrl!]))
  }

  const group = async (name: string, index: number): Promise<BenchGroup<string>> => {
    const binary = binaries[index]!
    const ref: StackRef = {
      binary: binary.path,
      programDir: programOf(index),
      stack: stackName(name),
      backendUrl: backendUrls[name]!
    }
    context.checkStopped()
    context.log(`Creating stack ${ref.stack} for pulumi ${binary.version} (${name})`)
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
      version: binary.version,
      parallel: target.parallel,
      phases: config.phases,
      prepare
    })
  }
  const groups: BenchGroup<string>[] = []
  for (const [index, name] of names.entries()) groups.push(await group(name, index))
  return { groups, versions, ...(notes.length === 0 ? {} : { notes: [...new Set(notes)] }) }
}
