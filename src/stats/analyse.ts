import { InputError } from '../core/errors'
import type { Comparison, Look, Verdict } from './types'
import { differenceInterval } from './interval'
import { welchFigures } from './margin-tests'
import { outlierWarnings } from './outliers'
import { meanRatio } from './ratio'
import { sensitivity } from './sensitivity'
import { lookLevels, lookSampleSizes } from './spending'
import { summarize, type GroupSummary } from './summary'
import { decide } from './verdict'

export interface AnalysisOptions {
  alpha: number
  /** Smallest relative change that counts (δ). */
  threshold: number
  /** Number of planned looks. */
  looks: number
  /** Planned samples per group; the looks sit at ⌈k·samples/looks⌉. */
  samples: number
  /** Names of the two groups, as they appear in `parameters.group`. */
  names?: { baseline: string; candidate: string }
}

export interface Analysis {
  comparison: Comparison
  baseline: GroupSummary
  candidate: GroupSummary
}

/**
 * The sequential analysis of SPEC §6: analyse at each look the data reach, stop at
 * the first look with a verdict, and report the figures of the samples used then.
 * Groups may hold different numbers of samples (files from elsewhere); each group's
 * looks are then placed proportionally on its own samples.
 */
export function analyse(
  baselineTimes: readonly number[],
  candidateTimes: readonly number[],
  options: AnalysisOptions
): Analysis {
  const names = options.names ?? { baseline: 'baseline', candidate: 'candidate' }
  summarize(baselineTimes, names.baseline) // each throws the clear "at least 2 samples" error
  summarize(candidateTimes, names.candidate)
  const levels = lookLevels(options.alpha, options.samples, options.looks)
  const sizes = lookSampleSizes(options.samples, options.looks)
  const scale = (n: number, times: readonly number[]): number =>
    Math.min(times.length, Math.ceil((n * times.length) / Math.max(options.samples, 1)))
  const looks: Look[] = []
  let used: { baseline: GroupSummary; candidate: GroupSummary } | null = null
  let verdict: Verdict | null = null

  let truncated = false
  for (let k = 0; k < sizes.length && verdict === null; k++) {
    const n = sizes[k]!
    const equalSizes = baselineTimes.length === candidateTimes.length
    let nb = equalSizes ? n : scale(n, baselineTimes)
    let nc = equalSizes ? n : scale(n, candidateTimes)
    // Data that end before this look (a run stopped by a failure) get one last
    // look at everything there is.
    truncated = nb > baselineTimes.length || nc > candidateTimes.length
    if (truncated) {
      nb = baselineTimes.length
      nc = candidateTimes.length
    }
    if (nb < 2 || nc < 2) {
      if (truncated) break
      continue
    }
    const baseline = summarize(baselineTimes.slice(0, nb), names.baseline)
    const candidate = summarize(candidateTimes.slice(0, nc), names.candidate)
    const figures = welchFigures(baseline, candidate, options.threshold)
    const level = levels[k]!
    verdict = decide(figures, level, truncated || k === sizes.length - 1)
    looks.push({ samples: Math.min(nb, nc), level, verdict })
    used = { baseline, candidate }
    if (truncated) break
  }

  // With at least two samples per group (checked above) some look always ran.
  const { baseline, candidate } = used!
  if (!(baseline.mean > 0)) {
    throw new InputError(
      `${names.baseline} has a mean time of 0 s; a relative comparison needs positive times`
    )
  }
  const finalVerdict: Verdict = verdict ?? 'inconclusive'
  const warnings = [
    ...outlierWarnings(names.baseline, baselineTimes.slice(0, baseline.n)),
    ...outlierWarnings(names.candidate, candidateTimes.slice(0, candidate.n))
  ]
  if (truncated) {
    warnings.push(
      `The samples ended before the planned ${options.samples} per group; the last look used the ${looks[looks.length - 1]!.samples} there were.`
    )
  }
  const lastLook = looks[looks.length - 1]!
  const comparison: Comparison = {
    baseline: names.baseline,
    candidate: names.candidate,
    alpha: options.alpha,
    threshold: options.threshold,
    welch: welchFigures(baseline, candidate, options.threshold),
    ratio: meanRatio(baseline, candidate),
    difference: differenceInterval(baseline, candidate, options.alpha),
    verdict: finalVerdict,
    looks,
    warnings,
    samples: lastLook.samples,
    plannedSamples: options.samples,
    plannedLooks: options.looks,
    stoppedEarly: !truncated && looks.length < options.looks
  }
  if (finalVerdict === 'inconclusive') {
    comparison.sensitivity = sensitivity(baseline, candidate, options.alpha, options.threshold)
  }
  return { comparison, baseline, candidate }
}
