import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type {
  BenchGroup,
  BenchPlan,
  Command,
  Measurement,
  ShellSetting,
  Step
} from '../../src/bench/types'
import { commandCycle } from '../../src/bench/cycle/cycle-steps'
import type { GroupName } from '../../src/bench/types'
import { BenchmarkAborted, MeasurementStopped, SampleFailed } from '../../src/bench/failures'
import { interruptRunningProcesses } from '../../src/bench/process/running'
import { runBenchmark } from '../../src/bench/run-benchmark'
import { currentMethod } from '../../src/bench/resources/resources'
import { InputError } from '../../src/core/errors/errors'
import { isGoneSoon, readPids } from './fixtures/processes'

const bash: ShellSetting = { kind: 'shell', path: 'bash' }
const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name)
const tempDir = () => mkdtempSync(join(tmpdir(), 'perf-gate-bench-'))
const shell = (script: string, env?: Record<string, string>): Step => ({
  command: { kind: 'shell', script },
  ...(env && { env })
})
const group = (name: GroupName, timed: Step, prepare: Step[] = []): BenchGroup => ({
  name,
  label: name,
  cycle: commandCycle(timed, prepare)
})
/** Samples per group of one phase, as the stop rule sees them. */
const t = (times: Record<string, Record<GroupName, number[]>>, phase: string) =>
  times[phase]!.baseline.length
/** The one phase of a generic cycle. */
const only = (measurement: Measurement) => measurement.phases[0]!
/**
 * Accuracy is checked on the median: a test runner busy with other files can delay
 * one sample by tens of milliseconds, which says nothing about our bias.
 */
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length / 2
  return (sorted[Math.floor(middle)]! + sorted[Math.ceil(middle) - 1]!) / 2
}
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length

function plan(baseline: BenchGroup, candidate: BenchGroup, overrides: Partial<BenchPlan> = {}) {
  return {
    groups: [baseline, candidate],
    shell: bash,
    warmup: 1,
    samples: 5,
    timeoutMs: 30_000,
    logDir: tempDir(),
    ...overrides
  } satisfies BenchPlan
}

describe('runBenchmark accuracy', () => {
  // How close the times come to the truth is measured by `npm run bench:hyperfine`, not
  // asserted here: a loaded machine makes any sample longer. A sample can never be
  // shorter than the command takes, though, less the shell's own start-up.
  it('measures commands of known length through bash, less the shell start-up', async () => {
    const result = await runBenchmark(
      plan(group('baseline', shell('sleep 0.05')), group('candidate', shell('sleep 0.1')), {
        samples: 7
      })
    )
    expect(result.shellOverhead).toBeGreaterThan(0)
    expect(result.shellOverhead).toBeLessThan(0.05)
    expect(only(result).times.baseline).toHaveLength(7)
    expect(only(result).times.candidate).toHaveLength(7)
    for (const time of only(result).times.baseline) expect(time).toBeGreaterThan(0.05 * 0.9)
    for (const time of only(result).times.candidate) expect(time).toBeGreaterThan(0.1 * 0.9)
    expect(median(only(result).times.candidate)).toBeGreaterThan(
      median(only(result).times.baseline)
    )
    expect(only(result).exitCodes).toEqual({
      baseline: Array(7).fill(0),
      candidate: Array(7).fill(0)
    })
  })

  it('measures shell: none commands without subtracting anything', async () => {
    const result = await runBenchmark(
      plan(group('baseline', shell('sleep 0.05')), group('candidate', shell("sleep '0.1'")), {
        shell: { kind: 'none' }
      })
    )
    expect(result.shellOverhead).toBe(0)
    for (const time of only(result).times.baseline) expect(time).toBeGreaterThanOrEqual(0.05)
    for (const time of only(result).times.candidate) expect(time).toBeGreaterThanOrEqual(0.1)
  })

  it('neither calibrates nor subtracts for argv commands', async () => {
    const sleep = (seconds: string): Step => ({
      command: { kind: 'argv', file: 'sleep', args: [seconds] }
    })
    const result = await runBenchmark(
      plan(group('baseline', sleep('0.02')), group('candidate', sleep('0.04')), { warmup: 0 })
    )
    expect(result.shellOverhead).toBe(0)
    for (const time of only(result).times.baseline) expect(time).toBeGreaterThanOrEqual(0.02)
    for (const time of only(result).times.candidate) expect(time).toBeGreaterThanOrEqual(0.04)
  })
})

describe('runBenchmark order', () => {
  const appendTo = (orderLog: string, text: string) =>
    shell(`echo ${text} >> "$ORDER_LOG"`, { ORDER_LOG: orderLog })

  it('runs warmups, then counterbalanced pairs, with prepare steps before every run', async () => {
    const orderLog = join(tempDir(), 'order.log')
    const progress: string[] = []
    const result = await runBenchmark(
      plan(
        group('baseline', appendTo(orderLog, 'A'), [appendTo(orderLog, 'pA')]),
        group('candidate', appendTo(orderLog, 'B'), [
          appendTo(orderLog, 'pB1'),
          appendTo(orderLog, 'pB2')
        ]),
        { warmup: 2, samples: 3, onProgress: line => progress.push(line) }
      )
    )
    const runs = readFileSync(orderLog, 'utf8').trim().split('\n')
    const a = ['pA', 'A']
    const b = ['pB1', 'pB2', 'B']
    // Warmups A B A B, then samples AB BA AB.
    expect(runs).toEqual([...a, ...b, ...a, ...b, ...a, ...b, ...b, ...a, ...a, ...b])
    expect(result.schedule.map(entry => `${entry.group[0]}${entry.index}`)).toEqual([
      'b-1',
      'c-1',
      'b-1',
      'c-1',
      'b0',
      'c0',
      'c1',
      'b1',
      'b2',
      'c2'
    ])
    const timed = result.schedule.filter(entry => entry.index >= 0)
    expect(timed.filter(entry => entry.group === 'baseline').map(entry => entry.time)).toEqual(
      only(result).times.baseline
    )
    expect(progress).toHaveLength(10)
    expect(progress[0]).toMatch(/^baseline warmup 1\/2: \d+\.\d\d ms, about .* left$/)
    expect(progress[6]).toMatch(/^candidate sample 2\/3: /)
  })

  it('asks shouldStop after each completed pair and stops when it says so', async () => {
    const seen: number[][] = []
    const result = await runBenchmark(
      plan(group('baseline', shell('true')), group('candidate', shell('true')), {
        warmup: 0,
        samples: 10,
        shouldStop: ({ command: times }) => {
          seen.push([times!.baseline.length, times!.candidate.length])
          return times!.baseline.length === 3
        }
      })
    )
    expect(seen).toEqual([
      [1, 1],
      [2, 2],
      [3, 3]
    ])
    expect(only(result).times.baseline).toHaveLength(3)
    expect(only(result).times.candidate).toHaveLength(3)
  })

  it('runs a cycle of several timed phases, recording each, and asks the stop rule with all', async () => {
    const orderLog = join(tempDir(), 'order.log')
    const cycle = (letter: string): BenchGroup['cycle'] => [
      { step: appendTo(orderLog, `${letter}0`), name: 'prepare' },
      { step: appendTo(orderLog, `${letter}1`), name: 'one', phase: 'one' },
      { step: appendTo(orderLog, `${letter}2`), name: 'two', phase: 'two' },
      { step: appendTo(orderLog, `${letter}3`), name: 'tidy' }
    ]
    const seen: string[][] = []
    const progress: string[] = []
    const result = await runBenchmark(
      plan(
        { name: 'baseline', label: 'A', cycle: cycle('A') },
        { name: 'candidate', label: 'B', cycle: cycle('B') },
        {
          warmup: 1,
          samples: 5,
          onProgress: line => progress.push(line),
          shouldStop: times => {
            seen.push(Object.entries(times).map(([phase, t]) => `${phase} ${t.baseline.length}`))
            return t(times, 'two') === 2
          }
        }
      )
    )
    const runs = readFileSync(orderLog, 'utf8').trim().split('\n')
    const a = ['A0', 'A1', 'A2', 'A3']
    const b = ['B0', 'B1', 'B2', 'B3']
    expect(runs).toEqual([...a, ...b, ...a, ...b, ...b, ...a])
    expect(result.phases.map(phase => phase.phase)).toEqual(['one', 'two'])
    for (const phase of result.phases) {
      expect(phase.times.baseline).toHaveLength(2)
      expect(phase.times.candidate).toHaveLength(2)
      expect(phase.resources.baseline).toHaveLength(2)
    }
    expect(seen).toEqual([
      ['one 1', 'two 1'],
      ['one 2', 'two 2']
    ])
    expect(result.schedule.map(entry => `${entry.group[0]}${entry.index} ${entry.phase}`)).toEqual(
      ['b-1 one', 'b-1 two', 'c-1 one', 'c-1 two', 'b0 one', 'b0 two', 'c0 one', 'c0 two'].concat([
        'c1 one',
        'c1 two',
        'b1 one',
        'b1 two'
      ])
    )
    expect(progress[2]).toMatch(/^baseline sample 1\/5: one \d+\.\d+ ms, two \d+\.\d+ ms/)
  })

  /** A run whose candidate's destroy, after its up, fails at once: the error it stops with. */
  async function failingDestroy(destroyPhase: string | undefined): Promise<SampleFailed> {
    const cycle = (last: Step): BenchGroup['cycle'] => [
      { step: shell('true'), name: 'up', phase: 'up' },
      {
        step: last,
        name: 'destroy',
        ...(destroyPhase === undefined ? {} : { phase: destroyPhase })
      }
    ]
    const error = await runBenchmark(
      plan(
        { name: 'baseline', label: 'A', cycle: cycle(shell('true')) },
        { name: 'candidate', label: 'B', cycle: cycle(shell('echo no; exit 5')) },
        { warmup: 0 }
      )
    ).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(SampleFailed)
    return error as SampleFailed
  }

  it('names a failing step by its phase, and keeps no sample of the cycle it stopped', async () => {
    const error = await failingDestroy('destroy')
    expect(error.message).toMatch(
      /^candidate destroy in sample 1 of 5 \(echo no; exit 5\) failed with exit code 5\./
    )
    expect(error.partial.phases.map(phase => phase.times)).toEqual([
      { baseline: [expect.any(Number)], candidate: [] },
      { baseline: [expect.any(Number)], candidate: [] }
    ])
  })

  it('keeps the sample whose timed phases all ran when an untimed step after them fails', async () => {
    // `phases: up`: the destroy that empties the stack again is untimed.
    const error = await failingDestroy(undefined)
    expect(error.message).toMatch(
      /^candidate destroy after sample 1 of 5 \(echo no; exit 5\) failed/
    )
    expect(only(error.partial).times).toEqual({
      baseline: [expect.any(Number)],
      candidate: [expect.any(Number)]
    })
    expect(error.partial.schedule.map(entry => entry.group)).toEqual(['baseline', 'candidate'])
  })

  it('writes timed output to one log per group, not to our output', async () => {
    const logDir = join(tempDir(), 'nested', 'logs')
    await runBenchmark(
      plan(
        group('baseline', shell('echo from-baseline')),
        group('candidate', shell('echo oops >&2')),
        {
          logDir,
          warmup: 0,
          samples: 1
        }
      )
    )
    expect(readFileSync(join(logDir, 'baseline.log'), 'utf8')).toContain('from-baseline')
    expect(readFileSync(join(logDir, 'candidate.log'), 'utf8')).toContain('oops')
    expect(readFileSync(join(logDir, 'candidate.log'), 'utf8')).not.toContain('from-baseline')
  })

  it('cancels a steady drift of the machine between the groups', async () => {
    const counter = join(tempDir(), 'counter')
    const drifting = shell(`bash ${fixture('drift.sh')}`, { COUNTER_FILE: counter })
    const result = await runBenchmark(
      plan(group('baseline', drifting), group('candidate', drifting), { warmup: 0, samples: 6 })
    )
    const all = result.schedule.map(entry => entry.time)
    // Each call is 20 ms slower than the one before: 220 ms of drift over the run.
    expect(all.at(-1)! - all[0]!).toBeGreaterThan(0.15)
    // Plain alternation (ABAB) would put the candidate one call behind on average, and
    // all of one group before the other six; AB BA gives both groups the same mean
    // position in the run, which is what cancels a linear drift.
    const meanPosition = (name: string) =>
      mean(result.schedule.flatMap((entry, position) => (entry.group === name ? [position] : [])))
    expect(meanPosition('candidate')).toBe(meanPosition('baseline'))
  })
})

describe('runBenchmark resources', () => {
  it('keeps the CPU and memory of each sample beside its time, less the empty shell', async () => {
    const result = await runBenchmark(
      plan(group('baseline', shell('true')), group('candidate', shell('sleep 0.01')), {
        samples: 3
      })
    )
    expect(only(result).resources.baseline).toHaveLength(only(result).times.baseline.length)
    expect(only(result).resources.candidate).toHaveLength(only(result).times.candidate.length)
    if (currentMethod().kind === 'none') {
      expect(result.shellCpuOverhead).toBeUndefined()
      return
    }
    // A shell costs a few milliseconds of CPU; 50 runs of whole ticks average to that.
    expect(
      result.shellCpuOverhead!.userSeconds + result.shellCpuOverhead!.systemSeconds
    ).toBeLessThan(0.05)
    for (const usage of [...only(result).resources.baseline, ...only(result).resources.candidate]) {
      expect(usage.userSeconds).toBeGreaterThanOrEqual(0)
      expect(usage.systemSeconds).toBeGreaterThanOrEqual(0)
    }
  })
})

describe('runBenchmark failures', () => {
  it('stops at a failing candidate sample with its exit code, log tail and partial results', async () => {
    const pidFile = join(tempDir(), 'pid')
    const failing = shell(`bash ${fixture('spawn-and-exit.sh')}`, {
      PID_FILE: pidFile,
      EXIT_CODE: '3'
    })
    const run = runBenchmark(
      plan(group('baseline', shell('true')), group('candidate', failing), { warmup: 0 })
    )
    const error = await run.catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(SampleFailed)
    const failure = error as SampleFailed
    const [headline, ...rest] = failure.message.split('\n')
    expect(headline).toMatch(
      /^candidate sample 1 of 5 \(.*spawn-and-exit\.sh\) failed with exit code 3\.$/
    )
    expect(rest[0]).toMatch(/^Last 20 lines of .*candidate\.log:$/)
    expect(rest.slice(1)).toHaveLength(20)
    expect(rest.at(-1)).toBe('  output line 30')
    expect(failure.message).not.toContain('output line 10\n')
    expect(only(failure.partial).times).toEqual({ baseline: [expect.any(Number)], candidate: [] })
    expect(only(failure.partial).resources).toEqual({
      baseline: [expect.any(Object)],
      candidate: []
    })
    expect(failure.partial.schedule).toHaveLength(1)
    const [orphan] = await readPids(pidFile, 1)
    expect(await isGoneSoon(orphan!)).toBe(true)
  })

  it('names the failing prepare step and the sample it prepared', async () => {
    const error = await runBenchmark(
      plan(
        group('baseline', shell('true'), [shell('true'), shell('echo broken; exit 9')]),
        group('candidate', shell('true')),
        { warmup: 0 }
      )
    ).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(SampleFailed)
    expect((error as Error).message).toMatch(
      /^baseline prepare step 2 of 2 before sample 1 of 5 \(echo broken; exit 9\) failed with exit code 9\./
    )
    expect((error as Error).message).toContain('  broken')
  })

  it('names a failing warmup run', async () => {
    const error = await runBenchmark(
      plan(group('baseline', shell('true')), group('candidate', shell('exit 2')), { warmup: 2 })
    ).catch((caught: unknown) => caught)
    expect((error as Error).message).toMatch(
      /^candidate warmup run 1 of 2 \(exit 2\) failed with exit code 2\./
    )
    expect((error as SampleFailed).partial.schedule).toHaveLength(1)
  })

  it('kills a sample that runs too long, with its grandchildren', async () => {
    const pidFile = join(tempDir(), 'pids')
    const error = await runBenchmark(
      plan(
        group('baseline', shell(`bash ${fixture('spawn-and-wait.sh')}`, { PID_FILE: pidFile })),
        group('candidate', shell('true')),
        { warmup: 0, timeoutMs: 300 }
      )
    ).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(SampleFailed)
    expect((error as Error).message).toMatch(
      /^baseline sample 1 of 5 \(.*\) timed out after 300 ms\./
    )
    for (const pid of await readPids(pidFile, 2)) expect(await isGoneSoon(pid)).toBe(true)
  })

  it('stops at once on abort and keeps the partial results; the cancel SIGINT ends the sample', async () => {
    const pidFile = join(tempDir(), 'pids')
    const controller = new AbortController()
    const started = Date.now()
    const run = runBenchmark(
      plan(
        group('baseline', shell('true')),
        group('candidate', shell(`bash ${fixture('spawn-and-wait.sh')}`, { PID_FILE: pidFile })),
        { warmup: 0 }
      ),
      controller.signal
    )
    const pids = await readPids(pidFile, 2)
    // As a signal handler does: forward the cancellation, then stop measuring.
    interruptRunningProcesses()
    controller.abort()
    const error = await run.catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(BenchmarkAborted)
    expect(error).toBeInstanceOf(MeasurementStopped)
    expect((error as Error).message).toBe(
      'the benchmark was aborted during candidate sample 1 of 5'
    )
    expect(only((error as BenchmarkAborted).partial).times.baseline).toHaveLength(1)
    // The sample sleeps 30 s; an abort that waited for it would take that long.
    expect(Date.now() - started).toBeLessThan(10_000)
    for (const pid of pids) expect(await isGoneSoon(pid)).toBe(true)
  })

  it('rejects a command that cannot be split before running anything', async () => {
    const orderLog = join(tempDir(), 'ran')
    const run = runBenchmark(
      plan(
        group('baseline', { command: { kind: 'argv', file: 'touch', args: [orderLog] } }),
        group('candidate', shell("echo 'unterminated")),
        { shell: { kind: 'none' } }
      )
    )
    await expect(run).rejects.toThrow(InputError)
    expect(() => readFileSync(orderLog)).toThrow()
  })

  it('rejects a shell that does not exist as bad input', async () => {
    const command: Command = { kind: 'shell', script: 'true' }
    const run = runBenchmark(
      plan(group('baseline', { command }), group('candidate', { command }), {
        shell: { kind: 'shell', path: 'no-such-shell-perf-gate' }
      })
    )
    await expect(run).rejects.toThrow(/shell "no-such-shell-perf-gate" cannot run an empty command/)
    await expect(run).rejects.toBeInstanceOf(InputError)
  })
})
