import type { GroupSummary } from '../describe/summary'

/** The share trimmed from each end: Yuen's usual 20%. */
export const TRIM = 0.2

/**
 * A group as Yuen's test sees it (docs/how-it-decides.md "Statistic"), in the form
 * Welch's test takes:
 * with g = ⌊0.2·n⌋ samples trimmed from each end and h = n − 2g kept, the mean is the
 * trimmed mean and the squared standard error d = (n − 1)·s²w / (h·(h − 1)), s²w the
 * winsorised variance; returned as n = h and stddev = √(h·d), so that stddev²/n = d and
 * Welch–Satterthwaite's n − 1 is Yuen's h − 1. Then Welch's statistic and the margin
 * tests on these are Yuen's (scipy.stats.ttest_ind(..., equal_var=False, trim=0.2)).
 * Below 5 samples nothing is trimmed and it is the group itself.
 */
export function trimmedGroup(times: readonly number[], group: GroupSummary): GroupSummary {
  const n = times.length
  const g = Math.floor(TRIM * n)
  if (g === 0) return group
  const sorted = [...times].sort((a, b) => a - b)
  const h = n - 2 * g
  const kept = sorted.slice(g, n - g)
  const trimmedMean = kept.reduce((sum, x) => sum + x, 0) / h
  const low = sorted[g]!
  const high = sorted[n - g - 1]!
  const winsorised = sorted.map(x => Math.min(high, Math.max(low, x)))
  const winsorisedMean = winsorised.reduce((sum, x) => sum + x, 0) / n
  const squares = winsorised.reduce((sum, x) => sum + (x - winsorisedMean) ** 2, 0)
  const d = squares / (h * (h - 1))
  return { ...group, n: h, mean: trimmedMean, stddev: Math.sqrt(h * d) }
}
