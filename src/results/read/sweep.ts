/**
 * Reading the sweep of a results file (docs/sweep.md): each comparison of a candidate
 * with the baseline as a file of one comparison, so every report of two groups renders it.
 */
import { summarize } from '../../stats/describe/summary'
import { groupResult, sourceOf } from '../build/build'
import type { MultiItem } from '../family'
import { readResourceFields } from '../resources'
import type { GroupResult, ResultsFile, SweepComparison, SweepResults } from '../schema'

/** The phases a sweep compares, in order; `[undefined]` outside Pulumi mode. */
export function sweepPhases(sweep: SweepResults): (string | undefined)[] {
  const phases: (string | undefined)[] = []
  for (const { phase } of sweep.comparisons) if (!phases.includes(phase)) phases.push(phase)
  return phases
}

/** Each group's result in one phase, in the order of `sweep.groups`. */
export function sweepGroupResults(results: ResultsFile, phase: string | undefined): GroupResult[] {
  return results.results.filter(result => result.parameters.phase === phase)
}

/**
 * One comparison as a file of its own: the baseline's and the candidate's results over
 * the samples the comparison used, and its comparison; named after the candidate (and
 * the phase). Without the schedule and environment the sweep shares.
 */
export function sweepView(results: ResultsFile, entry: SweepComparison): ResultsFile {
  const sweep = results.sweep!
  const groups = sweepGroupResults(results, entry.phase)
  const last = entry.comparison.looks.at(-1)
  const baseline = groups[sweep.groups.indexOf(sweep.baseline)]!
  const candidate = groups[sweep.groups.indexOf(entry.candidate)]!
  return {
    benchmark: [entry.candidate, ...(entry.phase === undefined ? [] : [entry.phase])].join(' · '),
    results: [
      named(usedPart(baseline, last?.baseline ?? baseline.times.length), sweep.baseline),
      named(usedPart(candidate, last?.candidate ?? candidate.times.length), entry.candidate)
    ],
    comparison: entry.comparison
  }
}

/** Each comparison of a sweep with its adjusted p: the rows of a family table. */
export function sweepItems(results: ResultsFile): MultiItem[] {
  return (results.sweep?.comparisons ?? []).map(entry => ({
    results: sweepView(results, entry),
    pAdjusted: entry.pAdjusted
  }))
}

/** The result under the sweep's distinct name for its group. */
function named(result: GroupResult, name: string): GroupResult {
  return { ...result, parameters: { ...result.parameters, group: name } }
}

/** A group's result over its first `n` samples: what one comparison of the sweep used. */
function usedPart(result: GroupResult, n: number): GroupResult {
  const count = result.times.length
  if (n >= count) return result
  const resources = readResourceFields(result as unknown as Record<string, unknown>, count, true)
  const source = sourceOf(result.parameters.group, {
    command: result.command,
    times: result.times,
    exitCodes: result.exit_codes,
    parameters: stringParameters(result.parameters),
    ...(result.version === undefined ? {} : { version: result.version }),
    ...resources
  })
  return groupResult(source, summarize(result.times.slice(0, n), result.parameters.group))
}

function stringParameters(parameters: GroupResult['parameters']): Record<string, string> {
  return Object.fromEntries(
    Object.entries(parameters).filter((entry): entry is [string, string] => entry[1] !== undefined)
  )
}
