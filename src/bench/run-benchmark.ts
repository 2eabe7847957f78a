import { closeSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { BenchPlan, GroupName, Measurement } from './types'
import { resolveStep } from './command'
import { measureShellOverhead } from './shell-overhead'
import {
  runCycle,
  type CycleContext,
  type PhaseTime,
  type ReadyGroup,
  type RunLabel
} from './cycle'
import { cyclePhases, emptyMeasurement } from './cycle-steps'
import { AbortedBeforeFirstRun } from './failures'
import { openLog } from './log'
import { estimateSecondsLeft, formatProgress, type GroupPace } from './progress'
import { interleavedOrder, type GroupIndex } from './schedule'

/**
 * Measures both groups of a plan: warmup runs first, then samples in counterbalanced
 * pairs (AB, BA, …), each a run of the group's cycle timing its phases, asking
 * `plan.shouldStop` after every pair.
 * Output of every step goes to `<logDir>/<group>.log`. A failing, timed-out or
 * aborted step stops the run with a MeasurementStopped error holding the partial
 * measurement; a command that cannot be resolved throws InputError before anything
 * runs.
 */
export async function runBenchmark(plan: BenchPlan, signal?: AbortSignal): Promise<Measurement> {
  const phases = cyclePhases(plan.groups[0].cycle)
  if (phases.length === 0 || cyclePhases(plan.groups[1].cycle).join() !== phases.join()) {
    throw new Error('both groups must time the same phases, at least one, in the same order')
  }
  const resolved = plan.groups.map(group => ({
    name: group.name,
    cycle: group.cycle.map(entry => ({ ...entry, step: resolveStep(entry.step, plan.shell) }))
  }))
  const measurement = emptyMeasurement(phases)
  await mkdir(plan.logDir, { recursive: true })
  const groups: ReadyGroup[] = []
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
    await measure(plan, groups as [ReadyGroup, ReadyGroup], {
      timeoutMs: plan.timeoutMs,
      signal,
      measurement
    })
    return measurement
  } finally {
    for (const group of groups) closeSync(group.logFd)
  }
}

// Steps run strictly one at a time, never overlapping: the CPU figures of a sample
// depend on it (resources.ts).
async function measure(
  plan: BenchPlan,
  groups: [ReadyGroup, ReadyGroup],
  context: CycleContext
): Promise<void> {
  const { measurement } = context
  const newPace = (): GroupPace => ({ runs: 0, seconds: 0, runsLeft: plan.warmup + plan.samples })
  const paces: [GroupPace, GroupPace] = [newPace(), newPace()]

  const several = measurement.phases.length > 1
  const runAndReport = async (
    index: GroupIndex,
    label: RunLabel,
    record: (phases: PhaseTime[]) => void
  ) => {
    const times = await runCycle(groups[index], label, context, record)
    const pace = paces[index]
    pace.runs++
    pace.seconds += times.cycleSeconds
    pace.runsLeft--
    const secondsLeft = estimateSecondsLeft(paces)
    plan.onProgress?.(
      formatProgress({ group: groups[index].name, ...label, phases: times.phases, secondsLeft })
    )
    return times
  }
  const schedule = (group: GroupName, index: number, phases: readonly PhaseTime[]) => {
    for (const { phase, seconds } of phases) {
      measurement.schedule.push({ group, index, time: seconds, ...(several ? { phase } : {}) })
    }
  }

  for (let number = 1; number <= plan.warmup; number++) {
    for (const index of [0, 1] as const) {
      await runAndReport(index, { kind: 'warmup', number, of: plan.warmup }, phases =>
        schedule(groups[index].name, -1, phases)
      )
    }
  }

  // Warmup runs are often slower (cold caches, plugin downloads): estimate from samples only.
  for (const pace of paces) {
    pace.runs = 0
    pace.seconds = 0
  }

  for (const [position, index] of interleavedOrder(plan.samples).entries()) {
    const name = groups[index].name
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
    const pairDone = position % 2 === 1
    if (pairDone && plan.shouldStop?.(timesByPhase(measurement))) break
  }
}

/** Each phase's times so far, a copy the stop rule may keep. */
function timesByPhase(measurement: Measurement): Record<string, Record<GroupName, number[]>> {
  return Object.fromEntries(
    measurement.phases.map(({ phase, times }) => [phase, structuredClone(times)])
  )
}
