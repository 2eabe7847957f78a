import type { GroupName, Measurement } from './types'
import { withoutShellCpu, type ResourceUsage } from './resource-usage'
import type { ResolvedStep } from './command'
import { BenchmarkAborted, SampleFailed } from './failures'
import { tailLines, writeLogHeader } from './log'
import { basename } from 'node:path'
import { describeOutcome, runProcess, untilAborted } from './spawn'

const TAIL_LINE_COUNT = 20

/** A group ready to run: commands resolved, log open. */
export interface ReadyGroup {
  name: GroupName
  timed: ResolvedStep
  prepare: ResolvedStep[]
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
  measurement: Measurement
}

export interface CycleTimes {
  /** The timed step's wall time, less the shell's start-up time when run through one. */
  seconds: number
  /** Wall time of the whole cycle, prepare steps included, for the estimate of time left. */
  cycleSeconds: number
  /** CPU and peak memory of the timed step, where the OS tells them. */
  resources: ResourceUsage
}

/**
 * One warmup run or sample: the group's prepare steps, untimed, then the timed
 * step. Throws SampleFailed (with the log's tail) or BenchmarkAborted, both
 * carrying a copy of the measurement so far.
 */
export async function runCycle(
  group: ReadyGroup,
  label: RunLabel,
  context: CycleContext
): Promise<CycleTimes> {
  const cycleStart = process.hrtime.bigint()
  const run = `${label.kind === 'warmup' ? 'warmup run' : 'sample'} ${label.number} of ${label.of}`
  for (const [index, step] of group.prepare.entries()) {
    const what = `prepare step ${index + 1} of ${group.prepare.length} before ${run}`
    await runStep(group, step, what, context, false)
  }
  const timed = await runStep(group, group.timed, run, context, true)
  const { measurement } = context
  const shell = group.timed.throughShell
  return {
    seconds: Math.max(0, timed.seconds - (shell ? measurement.shellOverhead : 0)),
    cycleSeconds: Number(process.hrtime.bigint() - cycleStart) / 1e9,
    resources: withoutShellCpu(
      timed.resources ?? {},
      shell ? measurement.shellCpuOverhead : undefined
    )
  }
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
  writeLogHeader(group.logFd, `${group.name} ${what}: ${step.text}`)
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
  throw new SampleFailed(message, partial)
}
