import { tCdf } from './distributions'
import type { GroupSummary } from '../describe/summary'

/** A Welch statistic: candidate minus (scaled) baseline over its standard error. */
export interface WelchStatistic {
  t: number
  df: number
}

/**
 * Welch's t and Welch–Satterthwaite df for H0: μc = factor·μb (docs/how-it-decides.md).
 * `factor` = 1 is the plain test; 1 ± δ are the margin tests. `dfLoss`
 * takes degrees of freedom off for parameters fitted first (a detrending slope).
 *
 * When both groups are constant the standard error is 0: t is 0 for no difference
 * and ±Infinity otherwise, and df falls back to nb + nc − 2, so every p-value is
 * still defined (0, ½ or 1) and never NaN.
 */
export function welchStatistic(
  baseline: GroupSummary,
  candidate: GroupSummary,
  factor = 1,
  dfLoss = 0
): WelchStatistic {
  const a = candidate.stddev ** 2 / candidate.n
  const b = (factor * baseline.stddev) ** 2 / baseline.n
  const difference = candidate.mean - factor * baseline.mean
  const variance = a + b
  if (variance === 0) {
    const t = difference === 0 ? 0 : Math.sign(difference) * Infinity
    return { t, df: Math.max(1, baseline.n + candidate.n - 2 - dfLoss) }
  }
  const df = variance ** 2 / (a ** 2 / (candidate.n - 1) + b ** 2 / (baseline.n - 1))
  return { t: difference / Math.sqrt(variance), df: Math.max(1, df - dfLoss) }
}

/** Probability that T ≥ t: the p-value of a one-sided test whose H1 is "greater". */
export function upperTail({ t, df }: WelchStatistic): number {
  return tCdf(-t, df)
}

/** Probability that T ≤ t: the p-value of a one-sided test whose H1 is "less". */
export function lowerTail({ t, df }: WelchStatistic): number {
  return tCdf(t, df)
}

/** Two-sided p from the lower tail, so tiny p do not underflow to 0. */
export function twoSided({ t, df }: WelchStatistic): number {
  return Math.min(1, 2 * tCdf(-Math.abs(t), df))
}
