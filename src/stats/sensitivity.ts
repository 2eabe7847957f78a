import type { Sensitivity } from './types'
import { normalQuantile, tQuantile } from './distributions'
import type { GroupSummary } from './summary'
import { welchStatistic } from './welch'

const POWER = 0.8

/**
 * What an inconclusive comparison could resolve (SPEC §9).
 *
 * `detectableSlowdown`: the true slowdown, as a fraction of the baseline mean, that
 * the regression test (H1: μc > (1+δ)μb) at level alpha would detect with 80% power
 * given these variances and sample sizes: δ + (t₁₋α + t₀.₈)·SE / x̄b.
 *
 * `samplesNeeded`: about how many samples per group would settle the question if
 * the true difference is the observed one: the normal-approximation size for the
 * gap between the observed relative difference and the threshold,
 * n = (z₁₋α + z₀.₈)²·(sb² + sc²) / (gap·x̄b)². Null when the observed difference
 * sits exactly on the threshold (no finite size resolves it).
 */
export function sensitivity(
  baseline: GroupSummary,
  candidate: GroupSummary,
  alpha: number,
  threshold: number
): Sensitivity {
  const factor = 1 + threshold
  const standardError = Math.sqrt(
    candidate.stddev ** 2 / candidate.n + (factor * baseline.stddev) ** 2 / baseline.n
  )
  const { df } = welchStatistic(baseline, candidate, factor)
  const detectableSlowdown =
    threshold + ((tQuantile(1 - alpha, df) + tQuantile(POWER, df)) * standardError) / baseline.mean

  const observed = Math.abs(candidate.mean - baseline.mean) / baseline.mean
  const gap = Math.abs(observed - threshold) * baseline.mean
  const variance = baseline.stddev ** 2 + candidate.stddev ** 2
  const z = normalQuantile(1 - alpha) + normalQuantile(POWER)
  const samplesNeeded = gap === 0 ? null : Math.max(2, Math.ceil((z * z * variance) / gap ** 2))
  return { detectableSlowdown, samplesNeeded }
}
