import { closeSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { BenchPlan, Measurement } from './types'
import { resolveStep } from './command'
import { measureShellOverhead } from './calibrate'
import { runCycle, type CycleContext, type ReadyGroup, type RunLabel } from './cycle'
import { BenchmarkAborted } from './failures'
import { openLog } from './log'
import { estimateSecondsLeft, formatProgress, type GroupPace } from './progress'
import { interleavedOrder, type GroupIndex } from './schedule'

/**
 * Measures both groups of a plan: warmup runs first, then timed samples in
 * counterbalanced pairs (AB, BA, …), asking `plan.shouldStop` after every pair.
 * Output of every step goes to `<logDir>/<group>.log`. A failing, timed-out or
 * aborted step stops the run with a MeasurementStopped error holding the partial
 * measurement; a command that cannot be resolved throws InputError before anything
 * runs.
 */
export async function runBenchmark(plan: BenchPlan, signal?: AbortSignal): Promise<Measurement> {
  const resolved = plan.groups.map(group => ({
    name: group.name,
    timed: resolveStep(group.timed, plan.shell),
    prepare: group.prepare.map(step => resolveStep(step, plan.shell))
  }))
  const measurement: Measurement = {
    times: { baseline: [], candidate: [] },
    exitCodes: { baseline: [], candidate: [] },
    schedule: [],
    shellOverhead: 0,
    resources: { baseline: [], candidate: [] }
  }
  await mkdir(plan.logDir, { recursive: true })
  const groups: ReadyGroup[] = []
  try {
    for (const group of resolved) {
      const logPath = join(plan.logDir, `${group.name}.log`)
      groups.push({ ...group, logPath, logFd: openLog(logPath) })
    }
    if (plan.shell.kind === 'shell' && groups.some(group => group.timed.throughShell)) {
      const overhead = await measureShellOverhead(plan.shell.path, signal)
      measurement.shellOverhead = overhead.seconds
      if (overhead.cpu) measurement.shellCpuOverhead = overhead.cpu
    }
    if (signal?.aborted) {
      throw new BenchmarkAborted('the benchmark was aborted before the first run', measurement)
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

  const runAndReport = async (index: GroupIndex, label: RunLabel) => {
    const times = await runCycle(groups[index], label, context)
    const pace = paces[index]
    pace.runs++
    pace.seconds += times.cycleSeconds
    pace.runsLeft--
    const secondsLeft = estimateSecondsLeft(paces)
    plan.onProgress?.(
      formatProgress({ group: groups[index].name, ...label, seconds: times.seconds, secondsLeft })
    )
    return times
  }

  for (let number = 1; number <= plan.warmup; number++) {
    for (const index of [0, 1] as const) {
      const { seconds } = await runAndReport(index, { kind: 'warmup', number, of: plan.warmup })
      measurement.schedule.push({ group: groups[index].name, index: -1, time: seconds })
    }
  }

  // Warmup runs are often slower (cold caches, plugin downloads): estimate from samples only.
  for (const pace of paces) {
    pace.runs = 0
    pace.seconds = 0
  }

  for (const [position, index] of interleavedOrder(plan.samples).entries()) {
    const name = groups[index].name
    const times = measurement.times[name]
    const { seconds, resources } = await runAndReport(index, {
      kind: 'sample',
      number: times.length + 1,
      of: plan.samples
    })
    measurement.schedule.push({ group: name, index: times.length, time: seconds })
    times.push(seconds)
    measurement.exitCodes[name].push(0)
    measurement.resources[name].push(resources)
    const pairDone = position % 2 === 1
    if (pairDone && plan.shouldStop?.(structuredClone(measurement.times))) break
  }
}
