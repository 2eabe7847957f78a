/**
 * The results file of a bisect (docs/bisect.md): what was compared, how it ended, and
 * every step's own results file, each readable by `compare` and `report` alone.
 */
import type { Verdict } from '../stats/types'
import type { ResultsFile } from './schema'

/** How a bisect ended, by index into its versions. */
export type SearchEnd =
  /** `bad` is not a regression against `good`: there is nothing to locate. */
  | { kind: 'not-confirmed'; verdict: Verdict }
  /** The last fast and the first slow version are neighbours. */
  | { kind: 'located'; fast: number; slow: number }
  /** A step stayed inconclusive at its cap (`at`): the change lies somewhere in (fast, slow]. */
  | { kind: 'unsplit'; fast: number; slow: number; at: number }

/** One comparison of the bisect: `versions[index]` against good. */
export interface BisectStep {
  index: number
  version: string
  /** `confirm`: bad against good, first; `probe`: a version in between. */
  role: 'confirm' | 'probe'
  verdict: Verdict
  resultsFile: string
  results: ResultsFile
}

export interface BisectResults {
  bisect: {
    benchmark: string
    /** `releases`: Pulumi releases from the index; `list`: versions or paths as given. */
    source: 'releases' | 'list'
    versions: string[]
    phases: string[]
    alpha: number
    threshold: number
    /** The comparisons planned (1 + ⌈log₂(versions − 1)⌉); each is tested at alpha / this. */
    comparisons: number
    comparisonAlpha: number
    /** How it ended; absent while it runs, and when it stopped without an end. */
    end?: SearchEnd
    /** The change at the first slow version is clearly smaller than bad's: more may lie in the range. */
    moreSuspected?: boolean
    /** Why it stopped before an end. */
    error?: string
  }
  steps: BisectStep[]
}
