import type { GroupSummary } from '../describe/summary'

/**
 * hyperfine's ratio of means with its propagated standard deviation:
 * r = x̄c / x̄b, σr = r·√((sb/x̄b)² + (sc/x̄c)²). The ± is the spread of single runs
 * (hyperfine's convention), not an interval. Undefined (null) when a mean is 0.
 */
export function meanRatio(
  baseline: GroupSummary,
  candidate: GroupSummary
): { value: number; stddev: number } | null {
  if (!(baseline.mean > 0) || !(candidate.mean > 0)) return null
  const value = candidate.mean / baseline.mean
  const stddev =
    value * Math.hypot(baseline.stddev / baseline.mean, candidate.stddev / candidate.mean)
  return { value, stddev }
}

/**
 * The "larger over smaller" form hyperfine prints: how many times faster the faster
 * group ran, with the same relative uncertainty.
 */
export function largerOverSmaller(ratio: { value: number; stddev: number }): {
  faster: 'baseline' | 'candidate'
  factor: number
  stddev: number
} {
  if (ratio.value <= 1) {
    const factor = 1 / ratio.value
    return { faster: 'candidate', factor, stddev: factor * (ratio.stddev / ratio.value) }
  }
  return { faster: 'baseline', factor: ratio.value, stddev: ratio.stddev }
}
