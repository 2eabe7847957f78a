import { tQuantile } from './distributions'
import type { GroupSummary } from '../describe/summary'
import { welchStatistic } from './welch'

/** The Welch (1 − α) two-sided confidence interval of μc − μb. */
export function differenceInterval(
  baseline: GroupSummary,
  candidate: GroupSummary,
  alpha: number
): { mean: number; ciLow: number; ciHigh: number; confidence: number } {
  const mean = candidate.mean - baseline.mean
  const standardError = Math.sqrt(
    candidate.stddev ** 2 / candidate.n + baseline.stddev ** 2 / baseline.n
  )
  const { df } = welchStatistic(baseline, candidate)
  const halfWidth = standardError === 0 ? 0 : tQuantile(1 - alpha / 2, df) * standardError
  return { mean, ciLow: mean - halfWidth, ciHigh: mean + halfWidth, confidence: 1 - alpha }
}

/** The Student t (1 − α) two-sided confidence interval of one group's mean. */
export function meanInterval(
  group: GroupSummary,
  alpha: number
): { low: number; high: number; confidence: number } {
  const standardError = group.stddev / Math.sqrt(group.n)
  const halfWidth = standardError === 0 ? 0 : tQuantile(1 - alpha / 2, group.n - 1) * standardError
  return { low: group.mean - halfWidth, high: group.mean + halfWidth, confidence: 1 - alpha }
}
