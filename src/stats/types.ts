/** What the statistics compute: the figures and the verdict of one comparison. */
import type { Design } from './design/design'

export type { Design, LookLevels, Spending } from './design/design'
export type { LookSize } from './design/looks'

export type Verdict = 'regression' | 'improvement' | 'unchanged' | 'inconclusive'

export interface WelchFigures {
  t: number
  df: number
  pTwoSided: number
  pRegression: number
  pImprovement: number
  pUnchanged: number
}

export interface Look {
  /** Timed samples per group analysed at this look (the smaller group's, if they differ). */
  samples: number
  baseline: number
  candidate: number
  /** Nominal level of the regression and improvement tests at this look. */
  level: number
  /** Nominal level of each side of the equivalence (unchanged) test at this look. */
  equivalenceLevel: number
  /** The verdict reached at this look, or null to keep sampling. */
  verdict: Verdict | null
}

/**
 * hyperfine's ratio of means with the spread of single runs, and Fieller's interval of
 * μc/μb at `confidence`. Null where undefined: no ratio when the baseline's mean is 0;
 * no upper bound when the baseline's mean is not distinguishable from 0.
 */
export interface RatioFigures {
  value: number | null
  stddev: number | null
  ciLow: number | null
  ciHigh: number | null
  confidence: number
}

export interface Sensitivity {
  /**
   * Smallest true slowdown (fraction of the baseline mean) detectable with 80% power;
   * null when these samples cannot bound it (none up to a 100-fold slowdown is).
   */
  detectableSlowdown: number | null
  /** The level of the regression test that power is for: the last look's. */
  level: number
  /**
   * About how many samples per group would call an unchanged candidate `unchanged`
   * with 80% power (the threshold resolved); null with a threshold of 0.
   */
  samplesNeeded: number | null
}

export interface Comparison {
  baseline: string
  candidate: string
  alpha: number
  threshold: number
  welch: WelchFigures
  ratio: RatioFigures
  difference: { mean: number; ciLow: number; ciHigh: number; confidence: number }
  verdict: Verdict
  looks: Look[]
  warnings: string[]
  /** Timed samples per group used for the verdict (the smaller group's, if they differ). */
  samples: number
  /** The most samples per group the run was allowed. */
  plannedSamples: number
  /** The number of looks the run planned. */
  plannedLooks: number
  stoppedEarly: boolean
  /** The sequential design, as report mode replays it. */
  design: Design
  /** Only for `inconclusive`: what these samples could resolve. */
  sensitivity?: Sensitivity
}
