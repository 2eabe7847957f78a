import type { CycleStep, Measurement } from '../types'
import { withoutShellCpu, type ResourceUsage } from '../resources/resource-usage'
import type { ResolvedStep } from '../process/command'
import { BenchmarkAborted, SampleFailed } from '../failures'
import { tailLines, writeLogHeader } from '../log'
import { basename } from 'node:path'
import { describeFileError } from '../../core/errors/file-errors'
import { describeOutcome, runProcess, untilAborted } from '../process/spawn'

const TAIL_LINE_COUNT = 20

/** A cycle step ready to run: its command resolved. */
interface ReadyStep extends Omit<CycleStep, 'step'> {
  step: ResolvedStep
}

/** A group ready to run: commands resolved, log open. */
export interface ReadyGroup<Name extends string = string> {
  name: Name
  cycle: ReadyStep[]
  logPath: string
  logFd: number
}

/** Which run of a group this is, for messages, logs and progress. */
export interface RunLabel {
  kind: 'warmup' | 'sample'
  /** 1-based. */
  number: number
  of: number
}

export interface CycleContext {
  timeoutMs: number
  signal: AbortSignal | undefined
  /** The measurement so far: copied into errors, and its shell overhead is subtracted. */
  measurement: Measurement<string>
}

/** One timed step of a cycle. */
export interface PhaseTime {
  phase: string
  /** Its wall time, less the shell's start-up time when run through one. */
  seconds: number
  /** CPU and peak memory, where the OS tells them. */
  resources: ResourceUsage
}

export interface CycleTimes {
  /** The timed steps, in the order they ran. */
  phases: PhaseTime[]
  /** Wall time of the whole cycle, untimed steps included, for the estimate of time left. */
  cycleSeconds: number
}

/**
 * One warmup run or sample: the group's cycle, step by step, timing the steps that
 * have a phase, handed to `onTimed` once the last of them is done. Throws SampleFailed
 * (with the log's tail) or BenchmarkAborted, both carrying a copy of the measurement
 * so far.
 */
export async function runCycle(
  group: ReadyGroup,
  label: RunLabel,
  context: CycleContext,
  onTimed: (phases: PhaseTime[]) => void
): Promise<CycleTimes> {
  const cycleStart = process.hrtime.bigint()
  const run = `${label.kind === 'warmup' ? 'warmup run' : 'sample'} ${label.number} of ${label.of}`
  const { measurement } = context
  const phases: PhaseTime[] = []
  const lastTimed = group.cycle.findLastIndex(entry => entry.phase !== undefined)
  for (const [index, entry] of group.cycle.entries()) {
    const { step, phase } = entry
    const what = describeStep(group.cycle, index, run)
    const outcome = await runStep(group, step, what, context, phase !== undefined)
    if (phase === undefined) continue
    const shell = step.throughShell
    phases.push({
      phase,
      seconds: Math.max(0, outcome.seconds - (shell ? measurement.shellOverhead : 0)),
      resources: withoutShellCpu(
        outcome.resources ?? {},
        shell ? measurement.shellCpuOverhead : undefined
      )
    })
    // Recorded before the untimed steps after it (a destroy): if one of those fails,
    // what was measured is kept with the samples so far.
    if (index === lastTimed) onTimed(phases)
  }
  return { phases, cycleSeconds: Number(process.hrtime.bigint() - cycleStart) / 1e9 }
}

/**
 * How messages name a step of `run`: the run itself for the one timed step of a cycle
 * that times one (`sample 3 of 10`), else the step's name and where it sits
 * (`prepare step 1 of 2 before sample 3 of 10`, `destroy in sample 3 of 10`).
 */
function describeStep(cycle: readonly ReadyStep[], index: number, run: string): string {
  const timed = cycle.flatMap((step, position) => (step.phase === undefined ? [] : [position]))
  const step = cycle[index]!
  if (step.phase !== undefined && timed.length === 1) return run
  const where = index < timed[0]! ? 'before' : index > timed.at(-1)! ? 'after' : 'in'
  return `${step.name} ${where} ${run}`
}

/**
 * Runs one step into the group's log; returns its times or throws. When the signal
 * fires it throws at once: the running command gets its SIGINT from whoever cancels
 * (interruptRunningProcesses) and may take its time to finish, while the results
 * measured so far are written.
 */
async function runStep(
  group: ReadyGroup,
  step: ResolvedStep,
  what: string,
  context: CycleContext,
  measureResources: boolean
): Promise<{ seconds: number; resources?: ResourceUsage }> {
  try {
    writeLogHeader(group.logFd, `${group.name} ${what}: ${step.text}`)
  } catch (error) {
    // A full disk: the step's output could not be kept either, so the run stops here.
    const problem = `could not write the log ${group.logPath}: ${describeFileError(error)}`
    throw new SampleFailed(
      `${group.name} ${what} did not start: ${problem}`,
      structuredClone(context.measurement)
    )
  }
  const running = runProcess(step, {
    output: group.logFd,
    timeoutMs: context.timeoutMs,
    stop: step.stop,
    signal: context.signal,
    label: step.throughShell ? step.text : [basename(step.file), ...step.args].join(' '),
    tag: step.tag,
    measureResources
  })
  const outcome = await untilAborted(running, context.signal)
  if (outcome.kind === 'exited' && outcome.exitCode === 0) return outcome

  const partial = structuredClone(context.measurement)
  if (outcome.kind === 'aborted') {
    throw new BenchmarkAborted(`the benchmark was aborted during ${group.name} ${what}`, partial)
  }
  const headline = `${group.name} ${what} (${step.text}) ${describeOutcome(outcome, context.timeoutMs)}.`
  const tail = tailLines(group.logPath, TAIL_LINE_COUNT).map(line => `  ${line}`)
  const message = [headline, `Last ${tail.length} lines of ${group.logPath}:`, ...tail].join('\n')
  throw new SampleFailed(message, partial, tail.length + 1)
}
