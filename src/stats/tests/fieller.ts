import { tCdf } from './distributions'
import type { GroupSummary } from '../describe/summary'
import { lowerTail, upperTail, welchStatistic } from './welch'

/** A confidence interval of μc/μb; `high` is null when no finite bound exists. */
export interface RatioInterval {
  low: number
  high: number | null
  confidence: number
}

/**
 * Fieller's interval for the ratio of means μc/μb at confidence 1 − 2·level, with
 * Welch's df at every ratio: the ratios ρ that neither one-sided test of
 * H0: μc = ρ·μb rejects at `level`. It is dual to the margin tests of the verdict:
 * the regression test rejects exactly when 1 + δ lies below the interval, and both
 * sides of the equivalence test exactly when the interval lies inside (1 − δ, 1 + δ).
 * A ratio of positive means is positive, so the interval never goes below 0; it has
 * no upper bound when the baseline's mean is not itself distinguishable from 0.
 */
export function ratioInterval(
  baseline: GroupSummary,
  candidate: GroupSummary,
  level: number,
  dfLoss = 0
): RatioInterval {
  const estimate = candidate.mean / baseline.mean
  // H1: μc > ρ·μb; its p grows with ρ. H1: μc < ρ·μb; its p falls with ρ.
  const above = (ratio: number) => upperTail(welchStatistic(baseline, candidate, ratio, dfLoss))
  const below = (ratio: number) => lowerTail(welchStatistic(baseline, candidate, ratio, dfLoss))
  const low = above(0) >= level ? 0 : edge(ratio => above(ratio) < level, 0, estimate)
  return {
    low,
    high: upperBound(baseline, below, level, estimate, dfLoss),
    confidence: 1 - 2 * level
  }
}

function upperBound(
  baseline: GroupSummary,
  below: (ratio: number) => number,
  level: number,
  estimate: number,
  dfLoss: number
): number | null {
  // As ρ → ∞ the statistic tends to −x̄b/(sb/√nb) with nb − 1 df.
  const df = Math.max(1, baseline.n - 1 - dfLoss)
  const limit =
    baseline.stddev === 0 ? 0 : tCdf(-baseline.mean / (baseline.stddev / Math.sqrt(baseline.n)), df)
  if (limit >= level) return null
  let high = Math.max(2 * estimate, 1)
  while (below(high) >= level) high *= 2
  return edge(ratio => below(ratio) < level, high, estimate)
}

/**
 * The edge between a ratio the test rejects and one it does not, by bisection to a
 * relative 1e-12 (the p-values are monotone in ρ).
 */
function edge(rejected: (ratio: number) => boolean, outside: number, inside: number): number {
  let [out, within] = [outside, inside]
  for (let i = 0; i < 200 && Math.abs(out - within) > 1e-12 * Math.max(out, within); i++) {
    const middle = (out + within) / 2
    if (rejected(middle)) out = middle
    else within = middle
  }
  return (out + within) / 2
}
