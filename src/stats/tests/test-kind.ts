/**
 * What the tests of a design are computed on (docs/how-it-decides.md), recorded in
 * the results file so report mode computes the same.
 */

/** `mean`: Welch's test of means; `trimmed`: Yuen's test of 20%-trimmed means. */
export type Statistic = 'mean' | 'trimmed'

export const STATISTICS: readonly Statistic[] = ['mean', 'trimmed']

/**
 * At looks with fewer than `belowSamples` per group, each group's standard deviation
 * counts as at least `share` of its mean: a few samples of clustered timings (a cache
 * hit or miss) can all fall into one mode and look far tighter than the data are.
 */
export interface SpreadFloor {
  share: number
  belowSamples: number
}

export interface TestKind {
  statistic: Statistic
  /** Whether a common linear run-order trend is removed before the tests (one df less). */
  detrend: boolean
  /** Null: every look trusts the groups' own spread (designs recorded before the floor). */
  spreadFloor: SpreadFloor | null
}

/** Welch's test on the samples as they are: what `compare` of a hyperfine file does. */
export const PLAIN_TEST: TestKind = { statistic: 'mean', detrend: false, spreadFloor: null }
