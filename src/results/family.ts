import type { ResultsFile } from './schema'

/** One benchmark of several judged together (report mode): its results and adjusted p. */
export interface MultiItem {
  results: ResultsFile
  /** The regression test's p adjusted for testing all benchmarks together. */
  pAdjusted: number
}

/**
 * A results file of a run that did not finish (report mode): it has no verdict, and the
 * report says so, so an earlier verdict does not stay standing.
 */
export interface UnfinishedRun {
  /** The file, as the report job's own patterns found it. */
  path: string
  /** The file's benchmark name: untrusted text. */
  benchmark: string
  /** The first line of what the file says went wrong: untrusted text. */
  error: string
}

/** What report mode has to report: the finished benchmarks and the unfinished runs. */
export interface JoinedResults {
  items: MultiItem[]
  unfinished: UnfinishedRun[]
}
