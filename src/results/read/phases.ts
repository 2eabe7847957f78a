/**
 * Reading the phases of a results file (docs/phases.md). A file of one phase, and
 * every file of generic mode or hyperfine's, reads as one comparison, as before phases.
 */
import type { Verdict } from '../../stats/types'
import type { MultiItem } from '../family'
import type { ResultsFile } from '../schema'

/**
 * The verdict that decides the check: the step's over a sweep's comparisons or a run's
 * phases, else the one comparison's.
 */
export function stepVerdict(results: ResultsFile): Verdict {
  return results.sweep?.verdict ?? results.family?.verdict ?? results.comparison.verdict
}

/** The phases of a file that times several, in the order listed; none for one comparison. */
export function phaseNames(results: ResultsFile): string[] {
  const names = Object.keys(results.phases ?? {})
  return names.length > 1 ? names : []
}

/**
 * One phase of a file as a file of one comparison, named after the phase: its two
 * results and its comparison, without the schedule and environment the phases share.
 */
export function phaseView(results: ResultsFile, phase: string): ResultsFile {
  const comparison = results.phases?.[phase]
  if (comparison === undefined) throw new Error(`${results.benchmark} has no phase ${phase}`)
  return {
    benchmark: phase,
    results: results.results.filter(result => result.parameters.phase === phase),
    comparison
  }
}

/** Each phase as a comparison of the family, with its adjusted p: the rows of a report. */
export function phaseItems(results: ResultsFile): MultiItem[] {
  return phaseNames(results).map(phase => ({
    results: phaseView(results, phase),
    pAdjusted: results.family?.pAdjusted[phase] ?? Number.NaN
  }))
}
