import type { Comparison, Look, LookLevels, RatioFigures, Verdict } from './types'
import { planRun, designLevels, type Design } from './design/design'
import { ratioInterval } from './tests/fieller'
import { differenceInterval } from './tests/interval'
import { lookFigures, type LookFigures } from './tests/look-figures'
import { outlierWarnings } from './describe/outliers'
import { meanRatio } from './tests/ratio'
import { sensitivity } from './power/sensitivity'
import { shellStartSubtracted } from './describe/shell-start'
import { summarize, type GroupSummary } from './describe/summary'
import { decide, sidedLevels } from './decide/verdict'

export interface AnalysisOptions {
  alpha: number
  /** Smallest relative change that counts (δ). */
  threshold: number
  /** The sequential design; default: a run of `samples` per group with at most `looks` looks. */
  design?: Design
  /** Most looks (1 = fixed sample size); used when no design is given. */
  looks?: number
  /** Planned samples per group; default: the larger group's count. */
  samples?: number
  /** Benchmarks judged together; regression spends alpha/m. */
  familySize?: number
  /** Names of the two groups, as they appear in `parameters.group`. */
  names?: { baseline: string; candidate: string }
}

export interface Analysis {
  comparison: Comparison
  baseline: GroupSummary
  candidate: GroupSummary
}

/** Means below this are as short as a shell's start-up (hyperfine warns at the same). */
const SHORT_SECONDS = 0.005

/**
 * The sequential analysis (docs/how-it-decides.md): analyse at each planned look the
 * data reach, stop at the first look with a verdict, and report the figures of the
 * samples used then. Data that end before a look (a run stopped by a failure) get
 * one last look at everything there is.
 */
export function analyse(
  baselineTimes: readonly number[],
  candidateTimes: readonly number[],
  options: AnalysisOptions
): Analysis {
  const names = options.names ?? { baseline: 'baseline', candidate: 'candidate' }
  summarize(baselineTimes, names.baseline) // each throws the clear "at least 2 samples" error
  summarize(candidateTimes, names.candidate)
  const design =
    options.design ??
    planRun({
      alpha: options.alpha,
      samples: options.samples ?? Math.max(baselineTimes.length, candidateTimes.length),
      looks: options.looks ?? 1,
      familySize: options.familySize
    })
  const levels = designLevels(design).map(look => sidedLevels(look, options.threshold))
  const looks: Look[] = []
  let used: { baseline: GroupSummary; candidate: GroupSummary } | null = null
  let tested: LookFigures | null = null
  let lastLevels = levels[0]!
  let verdict: Verdict | null = null
  let truncated = false
  for (let k = 0; k < design.looks.length && verdict === null; k++) {
    const planned = design.looks[k]!
    truncated = planned.baseline > baselineTimes.length || planned.candidate > candidateTimes.length
    const nb = Math.min(planned.baseline, baselineTimes.length)
    const nc = Math.min(planned.candidate, candidateTimes.length)
    if (nb < 2 || nc < 2) continue
    const baseline = summarize(baselineTimes.slice(0, nb), names.baseline)
    const candidate = summarize(candidateTimes.slice(0, nc), names.candidate)
    tested = lookFigures(
      baselineTimes,
      candidateTimes,
      { baseline: nb, candidate: nc },
      options.threshold,
      design
    )
    verdict = decide(tested.figures, levels[k]!, truncated || k === design.looks.length - 1)
    looks.push({
      samples: Math.min(nb, nc),
      baseline: nb,
      candidate: nc,
      level: levels[k]!.regression,
      equivalenceLevel: levels[k]!.equivalence,
      verdict
    })
    used = { baseline, candidate }
    lastLevels = levels[k]!
    if (truncated) break
  }

  // With at least two samples per group (checked above) some look always ran.
  const { baseline, candidate } = used!
  const test = tested!
  const warnings = [
    ...shortWarnings(names, baseline, candidate, [baselineTimes, candidateTimes]),
    ...outlierWarnings(names.baseline, baselineTimes.slice(0, baseline.n)),
    ...outlierWarnings(names.candidate, candidateTimes.slice(0, candidate.n))
  ]
  let finalVerdict: Verdict = verdict ?? 'inconclusive'
  if (!(baseline.mean > 0)) {
    finalVerdict = 'inconclusive'
    warnings.push(
      `Every ${names.baseline} sample is 0 s, so no change relative to it can be computed; nothing is decided.`
    )
  }
  if (truncated) {
    warnings.push(
      `The samples ended before the planned ${plannedSamples(design)} per group; the last look used the ${looks[looks.length - 1]!.samples} there were.`
    )
  }
  const comparison: Comparison = {
    baseline: names.baseline,
    candidate: names.candidate,
    alpha: options.alpha,
    threshold: options.threshold,
    welch: test.figures,
    ratio: ratioFigures(test, intervalLevel(finalVerdict, lastLevels)),
    difference: differenceInterval(baseline, candidate, options.alpha),
    verdict: finalVerdict,
    looks,
    warnings,
    samples: looks[looks.length - 1]!.samples,
    plannedSamples: plannedSamples(design),
    plannedLooks: design.looks.length,
    stoppedEarly: !truncated && looks.length < design.looks.length,
    design
  }
  if (finalVerdict === 'inconclusive' && baseline.mean > 0) {
    comparison.sensitivity = sensitivity(
      test.baseline,
      test.candidate,
      lastLevels,
      options.threshold
    )
  }
  return { comparison, baseline, candidate }
}

function plannedSamples(design: Design): number {
  const last = design.looks[design.looks.length - 1]!
  return Math.max(last.baseline, last.candidate)
}

/**
 * The level whose interval matches the verdict: the regression level for regression
 * and improvement, the equivalence level for unchanged, and the smaller of the two for
 * inconclusive (the wider interval, which then shows neither).
 */
function intervalLevel(verdict: Verdict, levels: LookLevels): number {
  if (verdict === 'regression' || verdict === 'improvement') return levels.regression
  if (verdict === 'unchanged') return levels.equivalence
  return Math.min(levels.regression, levels.equivalence)
}

function ratioFigures(test: LookFigures, level: number): RatioFigures {
  const { baseline, candidate } = test
  const spread = meanRatio(baseline, candidate)
  if (!(baseline.mean > 0)) {
    return { value: null, stddev: null, ciLow: null, ciHigh: null, confidence: 1 - 2 * level }
  }
  const interval = ratioInterval(baseline, candidate, level, test.dfLoss)
  return {
    value: candidate.mean / baseline.mean,
    stddev: spread?.stddev ?? null,
    ciLow: interval.low,
    ciHigh: interval.high,
    confidence: interval.confidence
  }
}

/** The advice to time without a shell, only for times a shell's start-up was taken from. */
function shortWarnings(
  names: { baseline: string; candidate: string },
  baseline: GroupSummary,
  candidate: GroupSummary,
  times: readonly [readonly number[], readonly number[]]
): string[] {
  const groups = [
    { name: names.baseline, summary: baseline, times: times[0] },
    { name: names.candidate, summary: candidate, times: times[1] }
  ]
  return groups
    .filter(group => group.summary.mean < SHORT_SECONDS && shellStartSubtracted(group.times))
    .map(group => {
      const ms = (group.summary.mean * 1000).toPrecision(2)
      return `${group.name} took ${ms} ms on average, under 5 ms: about as long as starting a shell, which is measured and subtracted, so the figures may be inaccurate. For commands this short use shell: none (hyperfine: --shell=none).`
    })
}
