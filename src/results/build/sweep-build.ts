/**
 * The results file of a sweep (docs/sweep.md): more than two groups, every candidate
 * against the baseline in every phase, one family. Written so that a reader made for two
 * groups still finds a valid file: `comparison` (and `phases`, `family`) are the first
 * candidate's, as if it had been the only one.
 */
import type { Environment } from '../../bench/environment'
import type { ScheduleEntry } from '../../bench/types'
import type { PhaseFamily } from '../../stats/phases'
import { summarize } from '../../stats/describe/summary'
import { groupResult, type GroupSource } from './build'
import type { ResultsFile, SweepComparison } from '../schema'

/** What a sweep measured: each phase's groups, in the order given. */
export interface SweepSource {
  /** Every group's name, distinct, in the order given. */
  names: string[]
  /** Index of the baseline in `names`. */
  baseline: number
  /** Each phase (one, unnamed, outside Pulumi mode): every group's source, in the order of `names`. */
  phases: { phase?: string; sources: GroupSource[] }[]
}

/** The indexes of the candidates in `names`: every group but the baseline, in order. */
export function candidateIndexes(sweep: Pick<SweepSource, 'names' | 'baseline'>): number[] {
  return sweep.names.map((_, index) => index).filter(index => index !== sweep.baseline)
}

/** The samples of one comparison of a sweep. */
export interface SweepPair {
  phase: string | undefined
  baseline: readonly number[]
  candidate: readonly number[]
  names: { baseline: string; candidate: string }
}

/**
 * The samples of each comparison of a sweep, candidate by candidate and phase by phase
 * within each: the order of `family.analyses` that `sweepResultsFile` expects.
 */
export function sweepPairs(sweep: SweepSource): SweepPair[] {
  return candidateIndexes(sweep).flatMap(candidate =>
    sweep.phases.map(({ phase, sources }) => ({
      phase,
      baseline: sources[sweep.baseline]!.times,
      candidate: sources[candidate]!.times,
      names: { baseline: sweep.names[sweep.baseline]!, candidate: sweep.names[candidate]! }
    }))
  )
}

export function sweepResultsFile(
  benchmark: string,
  sweep: SweepSource,
  family: PhaseFamily,
  extra: { schedule?: ScheduleEntry[]; environment?: Environment; orderSeed?: number } = {}
): ResultsFile {
  const { orderSeed, ...context } = extra
  const phaseCount = sweep.phases.length
  const comparisons: SweepComparison[] = candidateIndexes(sweep).flatMap((candidate, c) =>
    sweep.phases.map(({ phase }, p) => {
      const index = c * phaseCount + p
      return {
        candidate: sweep.names[candidate]!,
        ...(phase === undefined ? {} : { phase }),
        comparison: family.analyses[index]!.comparison,
        pAdjusted: family.pAdjusted[index]!
      }
    })
  )
  const first = comparisons.slice(0, phaseCount)
  const named = sweep.phases.every(({ phase }) => phase !== undefined)
  const byPhase = <T>(value: (entry: SweepComparison) => T): Record<string, T> =>
    Object.fromEntries(first.map(entry => [entry.phase!, value(entry)]))
  const results = sweep.phases.flatMap(({ phase, sources }) =>
    sources.map((source, index) => {
      // A group keeps its own `parameters.group` (a parameter scan's repeat it); its
      // place in `results` ties it to its distinct name in `sweep.groups`.
      const name = source.parameters?.group ?? sweep.names[index]!
      const parameters = { ...source.parameters, ...(phase === undefined ? {} : { phase }) }
      return groupResult({ ...source, name, parameters }, summarize(source.times, name))
    })
  )
  return {
    benchmark,
    results,
    comparison: first[0]!.comparison,
    ...(named
      ? {
          phases: byPhase(entry => entry.comparison),
          family: {
            size: first[0]!.comparison.design.familySize,
            pAdjusted: byPhase(entry => entry.pAdjusted),
            verdicts: byPhase(entry => entry.comparison.verdict),
            verdict: family.verdict
          }
        }
      : {}),
    sweep: {
      baseline: sweep.names[sweep.baseline]!,
      groups: [...sweep.names],
      size: first[0]!.comparison.design.familySize,
      comparisons,
      verdict: family.verdict,
      ...(orderSeed === undefined ? {} : { orderSeed })
    },
    ...context
  }
}
