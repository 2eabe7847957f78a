import type { Sensitivity } from '../types'
import { normalQuantile, tQuantile } from '../tests/distributions'
import type { GroupSummary } from '../describe/summary'
import { welchStatistic } from '../tests/welch'

const POWER = 0.8

/**
 * What an inconclusive comparison could resolve (docs/how-it-decides.md).
 *
 * `detectableSlowdown`: the true slowdown Δ that the regression test at the last
 * look's level would detect with 80% power at these sample sizes:
 * Δ = δ + (t₁₋ₗ + t₀.₈)·SE(Δ)/x̄b, where SE(Δ) gives the candidate its observed
 * coefficient of variation at the slower mean (a slower command varies more in
 * seconds); solved by bracketed bisection, null when the samples cannot bound it.
 *
 * `samplesNeeded`: about how many samples per group would call a candidate that did
 * not change `unchanged` with 80% power, n = ((z₁₋ₑ + z₀.₉)/δ)²·(CVb² + CVc²) at the
 * last look's equivalence level e; it does not depend on the observed difference,
 * which is too noisy to plan with. Null with δ = 0, where nothing can be unchanged.
 */
export function sensitivity(
  baseline: GroupSummary,
  candidate: GroupSummary,
  levels: { regression: number; equivalence: number },
  threshold: number
): Sensitivity {
  const factor = 1 + threshold
  const candidateCv = candidate.mean > 0 ? candidate.stddev / candidate.mean : 0
  // How far short of detectable a true slowdown Δ is: positive below the answer.
  const shortfall = (slowdown: number): number => {
    const candidateSd = candidateCv * (1 + slowdown) * baseline.mean
    const assumed = { ...candidate, stddev: candidateSd }
    const a = candidateSd ** 2 / candidate.n
    const b = (factor * baseline.stddev) ** 2 / baseline.n
    const { df } = welchStatistic(baseline, assumed, factor)
    const z = tQuantile(1 - levels.regression, df) + tQuantile(POWER, df)
    const needed = threshold + (z * Math.sqrt(a + b)) / baseline.mean
    return Number.isFinite(needed) ? needed - slowdown : Number.NEGATIVE_INFINITY
  }
  const slowdown = smallestDetectable(shortfall, threshold)
  const variation = (baseline.stddev / baseline.mean) ** 2 + candidateCv ** 2
  const z = normalQuantile(1 - levels.equivalence) + normalQuantile(1 - (1 - POWER) / 2)
  const samplesNeeded =
    threshold > 0 ? Math.max(2, Math.ceil((z / threshold) ** 2 * variation)) : null
  return { detectableSlowdown: slowdown, level: levels.regression, samplesNeeded }
}

/**
 * The largest slowdown these figures could bound: beyond a 100-fold (+9,900%) change a
 * "detectable slowdown" tells a user nothing but that the samples are too few or too
 * spread, which the report says in words instead.
 */
const MAX_SLOWDOWN = 99

/**
 * The smallest Δ ≥ δ with shortfall(Δ) ≤ 0, by bracketing and bisection: the SE grows
 * with Δ (the candidate keeps its coefficient of variation), so when the candidate's
 * spread is large the equation Δ = δ + z·SE(Δ) has no finite root, and a fixed-point
 * iteration diverges (it once printed 3.16e+21%). Null when no Δ up to MAX_SLOWDOWN
 * is detectable.
 */
function smallestDetectable(
  shortfall: (slowdown: number) => number,
  threshold: number
): number | null {
  if (!(shortfall(threshold) > 0)) return threshold
  let low = threshold
  let step = Math.max(threshold, 0.01)
  let high = threshold + step
  while (shortfall(high) > 0) {
    if (high >= MAX_SLOWDOWN) return null
    low = high
    step *= 2
    high = Math.min(MAX_SLOWDOWN, threshold + step)
  }
  for (let i = 0; i < 100 && high - low > 1e-12 * Math.max(1, high); i++) {
    const middle = (low + high) / 2
    if (shortfall(middle) > 0) low = middle
    else high = middle
  }
  return high
}
