import type { Sensitivity } from './types'
import { normalQuantile, tQuantile } from './distributions'
import type { GroupSummary } from './summary'
import { welchStatistic } from './welch'

const POWER = 0.8

/**
 * What an inconclusive comparison could resolve (README "How it decides").
 *
 * `detectableSlowdown`: the true slowdown Δ that the regression test at the last
 * look's level would detect with 80% power at these sample sizes:
 * Δ = δ + (t₁₋ₗ + t₀.₈)·SE(Δ)/x̄b, where SE(Δ) gives the candidate its observed
 * coefficient of variation at the slower mean (a slower command varies more in
 * seconds); solved by fixed-point iteration.
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
  let slowdown = threshold
  for (let i = 0; i < 50; i++) {
    const candidateSd = candidateCv * (1 + slowdown) * baseline.mean
    const assumed = { ...candidate, stddev: candidateSd }
    const a = candidateSd ** 2 / candidate.n
    const b = (factor * baseline.stddev) ** 2 / baseline.n
    const { df } = welchStatistic(baseline, assumed, factor)
    const z = tQuantile(1 - levels.regression, df) + tQuantile(POWER, df)
    const next = threshold + (z * Math.sqrt(a + b)) / baseline.mean
    if (Math.abs(next - slowdown) < 1e-12) break
    slowdown = next
  }
  const variation = (baseline.stddev / baseline.mean) ** 2 + candidateCv ** 2
  const z = normalQuantile(1 - levels.equivalence) + normalQuantile(1 - (1 - POWER) / 2)
  const samplesNeeded =
    threshold > 0 ? Math.max(2, Math.ceil((z / threshold) ** 2 * variation)) : null
  return { detectableSlowdown: slowdown, level: levels.regression, samplesNeeded }
}
