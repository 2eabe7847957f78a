import type { ResultsFile } from './schema'

/** One benchmark of several judged together (report mode): its results and adjusted p. */
export interface MultiItem {
  results: ResultsFile
  /** The regression test's p adjusted for testing all benchmarks together. */
  pAdjusted: number
}
