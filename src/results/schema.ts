/**
 * The results file (SPEC §5): a superset of hyperfine's `--export-json`, so
 * hyperfine's own scripts read it. Times are in seconds.
 */

export type GroupName = 'baseline' | 'candidate'

export type Verdict = 'regression' | 'improvement' | 'unchanged' | 'inconclusive'

export interface GroupResult {
  command: string
  mean: number
  stddev: number
  median: number
  min: number
  max: number
  times: number[]
  exit_codes: number[]
  parameters: { group: string; [key: string]: string }
  /** Pulumi version of the group, when it is a Pulumi benchmark. */
  version?: string
}

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

export interface ScheduleEntry {
  group: GroupName
  /** 0-based index among the group's timed samples, or -1 for a warmup run. */
  index: number
  time: number
}

export interface Environment {
  os: string
  release: string
  arch: string
  cpuModel: string
  cores: number
  memoryBytes: number
  loadBefore: number[]
  loadAfter: number[]
  node: string
  tool: string
  commit?: string
  ref?: string
  runUrl?: string
  [key: string]: unknown
}

export interface ResultsFile {
  benchmark: string
  results: GroupResult[]
  comparison: Comparison
  schedule?: ScheduleEntry[]
  environment?: Environment
}
