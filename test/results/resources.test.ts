import { describe, expect, it } from 'vitest'
import type { ResourceUsage } from '../../src/bench/resources/resource-usage'
import { BenchmarkError } from '../../src/core/errors/errors'
import { resultsFile, type GroupSource } from '../../src/results/build/build'
import { partialResultsFile } from '../../src/results/build/partial'
import { parseResults } from '../../src/results/read/read'
import { analyseFiles } from '../../src/results/reanalyse/reanalyse'
import { analyse } from '../../src/stats/analyse'
import { fixedRunDesign } from '../helpers/run-design'

const MiB = 2 ** 20
const design = { alpha: 0.05, threshold: 0.05, samples: 4, looks: 1 }

function source(name: string, times: number[], resources?: ResourceUsage[]): GroupSource {
  return {
    name,
    command: `cmd ${name}`,
    times,
    exitCodes: times.map(() => 0),
    ...(resources && { resources })
  }
}

const usage = (user: number, system: number, rssMiB?: number): ResourceUsage => ({
  userSeconds: user,
  systemSeconds: system,
  ...(rssMiB === undefined ? {} : { maxRssBytes: rssMiB * MiB })
})

function build(baseline: GroupSource, candidate: GroupSource) {
  const analysis = analyse(baseline.times, candidate.times, design)
  return resultsFile('bench', { baseline, candidate }, analysis)
}

describe('the CPU and memory fields of a results file', () => {
  const baseline = source(
    'baseline',
    [1.0, 1.1, 0.9, 1.0],
    [usage(0.5, 0.1, 200), usage(0.6, 0.1, 210), usage(0.4, 0.1, 190), usage(0.5, 0.1, 200)]
  )
  const candidate = source(
    'candidate',
    [2.0, 2.1, 1.9, 2.0],
    [usage(1.5, 0.2, 300), usage(1.5, 0.2, 310), usage(1.5, 0.2, 290), usage(1.5, 0.2, 300)]
  )

  it("carries hyperfine's user, system and memory_usage_byte and our per-sample CPU", () => {
    const [first] = build(baseline, candidate).results
    expect(first).toMatchObject({
      user: expect.closeTo(0.5, 12),
      system: expect.closeTo(0.1, 12),
      user_times: [0.5, 0.6, 0.4, 0.5],
      system_times: [0.1, 0.1, 0.1, 0.1],
      memory_usage_byte: [200 * MiB, 210 * MiB, 190 * MiB, 200 * MiB]
    })
  })

  it('survives writing and reading again (compare, report mode)', () => {
    const written = build(baseline, candidate)
    const read = parseResults(JSON.stringify(written), 'results.json')
    const again = analyseFiles([read], { alpha: 0.05, threshold: 0.05, looks: 1 }).results
    for (const index of [0, 1]) {
      const { user, system, user_times, system_times, memory_usage_byte } = written.results[index]!
      expect(again.results[index]).toMatchObject({
        user,
        system,
        user_times,
        system_times,
        memory_usage_byte
      })
    }
  })

  it('leaves out a figure that some sample lacks, and everything where nothing was measured', () => {
    const noMemoryOnce = source(
      'baseline',
      [1, 1, 1, 1],
      [usage(0.5, 0.1, 200), usage(0.5, 0.1), usage(0.5, 0.1, 200), usage(0.5, 0.1, 200)]
    )
    const unmeasured = source('candidate', [1, 1, 1, 1], [{}, {}, {}, {}])
    const [first, second] = build(noMemoryOnce, unmeasured).results
    expect(first).toHaveProperty('user_times')
    expect(first).not.toHaveProperty('memory_usage_byte')
    for (const key of ['user', 'system', 'user_times', 'system_times', 'memory_usage_byte']) {
      expect(second).not.toHaveProperty(key)
    }
    const read = parseResults(JSON.stringify(build(noMemoryOnce, unmeasured)), 'results.json')
    expect(read.results[1]).not.toHaveProperty('resources')
    expect(read.results[1]).not.toHaveProperty('cpuMeans')
  })

  it('describes the samples the verdict used, like the times', () => {
    const file = resultsFile(
      'bench',
      { baseline, candidate },
      analyse([1.0, 1.1, 0.9, 1.0].slice(0, 3), [2.0, 2.1, 1.9], design)
    )
    expect(file.results[0]!.user_times).toEqual([0.5, 0.6, 0.4])
    expect(file.results[0]!.memory_usage_byte).toHaveLength(3)
  })

  it('keeps them in the results of a run that failed', () => {
    const file = partialResultsFile(
      fixedRunDesign('bench'),
      [
        {
          sources: {
            baseline: source('baseline', [1.5], [usage(0.7, 0.2, 50)]),
            candidate: source('candidate', [], [])
          }
        }
      ],
      new BenchmarkError('candidate sample 1 of 10 failed with exit code 3'),
      {}
    )
    expect(file.results[0]).toMatchObject({
      user: 0.7,
      system: 0.2,
      user_times: [0.7],
      system_times: [0.2],
      memory_usage_byte: [50 * MiB]
    })
    expect(file.results[1]).not.toHaveProperty('user')
    const read = parseResults(JSON.stringify(file), 'partial.json')
    expect(read.results[0]!.resources).toEqual([usage(0.7, 0.2, 50)])
  })
})

describe('reading the CPU and memory fields of hyperfine files', () => {
  /** hyperfine 1.20's export: mean user and system, and its memory_usage_byte. */
  const hyperfine = {
    results: [
      {
        command: 'sleep 0.1',
        mean: 0.1,
        stddev: 0.001,
        median: 0.1,
        user: 0.001,
        system: 0.002,
        min: 0.099,
        max: 0.101,
        times: [0.099, 0.1, 0.101],
        memory_usage_byte: [3_000_000, 3_000_000, 3_000_000],
        exit_codes: [0, 0, 0]
      },
      {
        command: 'sleep 0.2',
        mean: 0.2,
        stddev: 0.001,
        median: 0.2,
        user: 0.0015,
        system: 0.0025,
        min: 0.199,
        max: 0.201,
        times: [0.199, 0.2, 0.201],
        exit_codes: [0, 0, 0]
      }
    ]
  }

  it("keeps hyperfine's mean user and system, but not its memory_usage_byte", () => {
    const read = parseResults(JSON.stringify(hyperfine), 'hyperfine.json')
    expect(read.results[0]).toMatchObject({ cpuMeans: { user: 0.001, system: 0.002 } })
    // hyperfine 1.20's figure is the largest process it has reaped so far, not this run's.
    expect(read.results[0]).not.toHaveProperty('resources')
    const { results } = analyseFiles([read], { alpha: 0.05, threshold: 0, looks: 1 })
    expect(results.results[1]).toMatchObject({ user: 0.0015, system: 0.0025 })
    expect(results.results[1]).not.toHaveProperty('user_times')
    expect(results.results[0]).not.toHaveProperty('memory_usage_byte')
  })

  it('ignores fields that do not hold one non-negative number per sample', () => {
    const broken = {
      comparison: {},
      results: [
        {
          command: 'a',
          times: [1, 2],
          user: 'fast',
          user_times: [0.1],
          system_times: [0.1, 0.2],
          memory_usage_byte: [1, -1]
        }
      ]
    }
    const [result] = parseResults(JSON.stringify(broken), 'broken.json').results
    expect(result).not.toHaveProperty('resources')
    expect(result).not.toHaveProperty('cpuMeans')
  })
})
