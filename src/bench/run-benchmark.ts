import { closeSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { BenchPlan, Measurement } from './types'
import { resolveStep } from './process/command'
import { measureShellOverhead } from './cycle/shell-overhead'
import {
  runCycle,
  type CycleContext,
  type PhaseTime,
  type ReadyGroup,
  type RunLabel
} from './cycle/cycle'
import { cyclePhases, emptyMeasurement } from './cycle/cycle-steps'
import { AbortedBeforeFirstRun } from './failures'
import { openLog } from './log'
import { estimateSecondsLeft, formatProgress, type GroupPace } from './schedule/progress'
import { balancedOrder, type GroupIndex } from './schedule/schedule'

/**
 * Measures the groups of a plan: warmup runs first, then samples in balanced rounds
 * (two groups: counterbalanced pairs AB, BA, …; more: `balancedOrder` from
 * `plan.orderSeed`), each a run of the group's cycle timing its phases, asking
 * `plan.shouldStop` after every round.
 * Output of every step goes to `<logDir>/<group>.log`. A failing, timed-out or
 * aborted step stops the run with a MeasurementStopped error holding the partial
 * measurement; a command that cannot be resolved throws InputError before anything
 * runs.
 */
export async function runBenchmark<Name extends string>(
  plan: BenchPlan<Name>,
  signal?: AbortSignal
): Promise<Measurement<Name>> {
  const phases = cyclePhases(plan.groups[0]!.cycle)
  const same = plan.groups.every(group => cyclePhases(group.cycle).join() === phases.join())
  if (plan.groups.length < 2 || phases.length === 0 || !same) {
    throw new Error('two or more groups must time the same phases, at least one, in the same order')
  }
  const resolved = plan.groups.map(group => ({
    name: group.name,
    cycle: group.cycle.map(entry => ({ ...entry, step: resolveStep(entry.step, plan.shell) }))
  }))
  const measurement = emptyMeasurement(
    phases,
    plan.groups.map(group => group.name)
  )
  if (plan.groups.length > 2) measurement.orderSeed = plan.orderSeed ?? 0
  await mkdir(plan.logDir, { recursive: true })
  const groups: ReadyGroup<Name>[] = []
  try {
    for (const group of resolved) {
      const logPath = join(plan.logDir, `${group.name}.log`)
      groups.push({ ...group, logPath, logFd: openLog(logPath) })
    }
    const timedThroughShell = groups.some(group =>
      group.cycle.some(entry => entry.phase !== undefined && entry.step.throughShell)
    )
    if (plan.shell.kind === 'shell' && timedThroughShell) {
      const overhead = await measureShellOverhead(plan.shell.path, signal)
      measurement.shellOverhead = overhead.seconds
      if (overhead.cpu) measurement.shellCpuOverhead = overhead.cpu
    }
    if (signal?.aborted) {
      throw new AbortedBeforeFirstRun('the benchmark was aborted before the first run', measurement)
    }
    await measure(plan, groups, measurement, { timeoutMs: plan.timeoutMs, signal, measurement })
    return measurement
  } finally {
    for (const group of groups) closeSync(group.logFd)
  }
}

// Steps run strictly one at a time, never overlapping: the CPU figures of a sample
// depend on it (resources.ts).
async function measure<Name extends string>(
  plan: BenchPlan<Name>,
  groups: readonly ReadyGroup<Name>[],
  measurement: Measurement<Name>,
  context: CycleContext
): Promise<void> {
  const newPace = (): GroupPace => ({ runs: 0, seconds: 0, runsLeft: plan.warmup + plan.samples })
  const paces: GroupPace[] = groups.map(newPace)

  const several = measurement.phases.length > 1
  const runAndReport = async (
    index: GroupIndex,
    label: RunLabel,
    record: (phases: PhaseTime[]) => void
  ) => {
    const times = await runCycle(groups[index]!, label, context, record)
    const pace = paces[index]!
    pace.runs++
    pace.seconds += times.cycleSeconds
    pace.runsLeft--
    const secondsLeft = estimateSecondsLeft(paces)
    plan.onProgress?.(
      formatProgress({ group: groups[index]!.name, ...label, phases: times.phases, secondsLeft })
    )
    return times
  }
  const schedule = (group: string, index: number, phases: readonly PhaseTime[]) => {
    for (const { phase, seconds } of phases) {
      measurement.schedule.push({ group, index, time: seconds, ...(several ? { phase } : {}) })
    }
  }

  for (let number = 1; number <= plan.warmup; number++) {
    for (const [index, group] of groups.entries()) {
      await runAndReport(index, { kind: 'warmup', number, of: plan.warmup }, phases =>
        schedule(group.name, -1, phases)
      )
    }
  }

  // Warmup runs are often slower (cold caches, plugin downloads): estimate from samples only.
  for (const pace of paces) {
    pace.runs = 0
    pace.seconds = 0
  }

  const order = balancedOrder(groups.length, plan.samples, measurement.orderSeed ?? 0)
  for (const [position, index] of order.entries()) {
    const name = groups[index]!.name
    const done = measurement.phases[0]!.times[name].length
    // Every timed phase is recorded together: every phase has the same count.
    await runAndReport(index, { kind: 'sample', number: done + 1, of: plan.samples }, phases => {
      schedule(name, done, phases)
      for (const [at, { seconds, resources }] of phases.entries()) {
        const phase = measurement.phases[at]!
        phase.times[name].push(seconds)
        phase.exitCodes[name].push(0)
        phase.resources[name].push(resources)
      }
    })
    const roundDone = position % groups.length === groups.length - 1
    if (roundDone && plan.shouldStop?.(timesByPhase(measurement))) break
  }
}

/** Each phase's times so far, a copy the stop rule may keep. */
function timesByPhase<Name extends string>(
  measurement: Measurement<Name>
): Record<string, Record<Name, number[]>> {
  return Object.fromEntries(
    measurement.phases.map(({ phase, times }) => [phase, structuredClone(times)])
  )
}
