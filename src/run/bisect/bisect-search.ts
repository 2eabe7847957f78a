/**
 * The decisions of a bisect (docs/bisect.md), pure: which version to measure next,
 * which half a step's verdict keeps, when the search is done, and the level each
 * comparison is tested at. The versions are ordered, `good` first and `bad` last.
 */
import type { SearchEnd } from '../../results/bisect'
import type { Verdict } from '../../stats/types'

export type { SearchEnd }

/** What is known: `versions[fast]` is not slower than good, `versions[slow]` is. */
export interface SearchRange {
  fast: number
  slow: number
}

/**
 * The comparisons a bisect of `count` versions may make: the confirmation of `bad`
 * against `good`, then at most ⌈log₂(count − 1)⌉ halvings of the count − 1 gaps.
 */
export function plannedComparisons(count: number): number {
  if (!Number.isInteger(count) || count < 2) {
    throw new RangeError(`a bisect needs at least two versions, got ${count}`)
  }
  return 1 + Math.ceil(Math.log2(count - 1))
}

/**
 * The level of every test of one comparison: alpha split evenly over the planned
 * comparisons (Bonferroni). Each step's verdict, whichever test reached it, is wrong
 * with chance at most alpha/m, so the chance that any verdict of the bisect is wrong,
 * and with it the release it names, is at most alpha, however the steps fell.
 */
export function comparisonAlpha(alpha: number, count: number): number {
  return alpha / plannedComparisons(count)
}

/** The whole range, once `bad` is confirmed slower than `good`. */
export function initialRange(count: number): SearchRange {
  plannedComparisons(count)
  return { fast: 0, slow: count - 1 }
}

/** The version to measure next, or null when the range cannot be split further. */
export function nextProbe(range: SearchRange): number | null {
  return range.slow - range.fast > 1 ? Math.floor((range.fast + range.slow) / 2) : null
}

/**
 * The range after measuring `probe` against good: slower keeps the lower half; not
 * slower (unchanged, or faster) the upper; inconclusive at its cap ends the search with
 * the range it could not split.
 */
export function narrow(
  range: SearchRange,
  probe: number,
  verdict: Verdict
): SearchRange | Extract<SearchEnd, { kind: 'unsplit' }> {
  if (!(probe > range.fast && probe < range.slow)) {
    throw new RangeError(`probe ${probe} lies outside (${range.fast}, ${range.slow})`)
  }
  switch (verdict) {
    case 'regression':
      return { fast: range.fast, slow: probe }
    case 'unchanged':
    case 'improvement':
      return { fast: probe, slow: range.slow }
    case 'inconclusive':
      return { kind: 'unsplit', ...range, at: probe }
  }
}
