/** What the statistics compute: the figures and the verdict of one comparison. */

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
  /** Timed samples per group analysed at this look. */
  samples: number
  /** Nominal significance level of this look (alpha spending). */
  level: number
  /** The verdict reached at this look, or null to keep sampling. */
  verdict: Verdict | null
}

export interface Sensitivity {
  /** Smallest true slowdown (fraction of the baseline mean) detectable with 80% power. */
  detectableSlowdown: number
  /** About how many samples per group would resolve the threshold; null when it cannot. */
  samplesNeeded: number | null
}

export interface Comparison {
  baseline: string
  candidate: string
  alpha: number
  threshold: number
  welch: WelchFigures
  ratio: { value: number; stddev: number }
  difference: { mean: number; ciLow: number; ciHigh: number; confidence: number }
  verdict: Verdict
  looks: Look[]
  warnings: string[]
  /** Timed samples per group used for the verdict. */
  samples: number
  /** The most samples per group the run was allowed. */
  plannedSamples: number
  /** The number of looks the run planned. */
  plannedLooks: number
  stoppedEarly: boolean
  /** Only for `inconclusive`: what these samples could resolve. */
  sensitivity?: Sensitivity
}
