/**
 * Hand-built results files for the report tests: group figures computed from
 * the given times, Welch figures from their textbook formulas, the rest from
 * the arguments. Independent of src/stats on purpose.
 */
import tCdf from '@stdlib/stats-base-dists-t-cdf'
import tQuantile from '@stdlib/stats-base-dists-t-quantile'
import { max, mean, median, min, sampleStandardDeviation } from 'simple-statistics'
import type { Comparison, Verdict } from '../../src/stats/types'
import type { Environment } from '../../src/bench/environment'
import type { GroupResult, ResultsFile } from '../../src/results/schema'

export interface BuildOptions {
  baseline: number[]
  candidate: number[]
  verdict: Verdict
  benchmark?: string
  names?: { baseline: string; candidate: string }
  commands?: { baseline: string; candidate: string }
  versions?: { baseline: string; candidate: string }
  alpha?: number
  threshold?: number
  comparison?: Partial<Comparison>
  environment?: Environment
}

export function group(
  times: number[],
  name: string,
  command: string,
  version?: string
): GroupResult {
  return {
    command,
    mean: mean(times),
    stddev: times.length > 1 ? sampleStandardDeviation(times) : 0,
    median: median(times),
    min: min(times),
    max: max(times),
    times,
    exit_codes: times.map(() => 0),
    parameters: { group: name },
    ...(version === undefined ? {} : { version })
  }
}

export function buildResults(options: BuildOptions): ResultsFile {
  const names = options.names ?? { baseline: 'baseline', candidate: 'candidate' }
  const commands = options.commands ?? { baseline: 'pulumi up', candidate: 'pulumi up' }
  const alpha = options.alpha ?? 0.05
  const threshold = options.threshold ?? 0.05
  const b = group(options.baseline, names.baseline, commands.baseline, options.versions?.baseline)
  const c = group(
    options.candidate,
    names.candidate,
    commands.candidate,
    options.versions?.candidate
  )
  const vb = b.stddev ** 2 / b.times.length
  const vc = c.stddev ** 2 / c.times.length
  const t = (c.mean - b.mean) / Math.sqrt(vb + vc)
  const df = (vb + vc) ** 2 / (vb ** 2 / (b.times.length - 1) + vc ** 2 / (c.times.length - 1))
  const margin = tQuantile(1 - alpha / 2, df) * Math.sqrt(vb + vc)
  const ratio = c.mean / b.mean
  const n = Math.min(b.times.length, c.times.length)
  return {
    benchmark: options.benchmark ?? 'sleep-python',
    results: [b, c],
    comparison: {
      baseline: names.baseline,
      candidate: names.candidate,
      alpha,
      threshold,
      welch: {
        t,
        df,
        pTwoSided: 2 * tCdf(-Math.abs(t), df),
        pRegression: tCdf(-t, df),
        pImprovement: tCdf(t, df),
        pUnchanged: 0.5
      },
      // The Welch interval relative to the baseline mean: close to Fieller's, enough here.
      ratio: {
        value: ratio,
        stddev: ratio * Math.sqrt((b.stddev / b.mean) ** 2 + (c.stddev / c.mean) ** 2),
        ciLow: ratio - margin / b.mean,
        ciHigh: ratio + margin / b.mean,
        confidence: 1 - alpha
      },
      difference: {
        mean: c.mean - b.mean,
        ciLow: c.mean - b.mean - margin,
        ciHigh: c.mean - b.mean + margin,
        confidence: 1 - alpha
      },
      verdict: options.verdict,
      looks: [
        {
          samples: n,
          baseline: b.times.length,
          candidate: c.times.length,
          level: alpha,
          equivalenceLevel: alpha,
          verdict: options.verdict
        }
      ],
      warnings: [],
      samples: n,
      plannedSamples: n,
      plannedLooks: 1,
      stoppedEarly: false,
      design: {
        looks: [{ baseline: b.times.length, candidate: c.times.length }],
        familySize: 1,
        regression: spending(-3, alpha),
        equivalence: spending(-1, alpha),
        statistic: 'mean',
        detrend: false,
        spreadFloor: null
      },
      // Overrides replace computed figures; Partial only widens the types.
      ...(options.comparison as Comparison | undefined)
    },
    ...(options.environment === undefined ? {} : { environment: options.environment })
  }
}

function spending(gamma: number, alpha: number) {
  return {
    function: 'hwang-shih-decani' as const,
    gamma,
    fromSamples: 0,
    target: alpha,
    alphaStar: alpha
  }
}

/** Evenly spread times around `centre` (deterministic, no two equal). */
export function spread(count: number, centre: number, width: number): number[] {
  return Array.from({ length: count }, (_, i) => centre + width * ((i % 7) / 6 - 0.5) + i * 1e-6)
}
