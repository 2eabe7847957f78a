/**
 * What a report of comparisons judged together says, a row each: report mode's
 * benchmarks, a run's phases (docs/phases.md). Pure.
 */
import type { MultiItem } from '../results/family'
import type { Comparison, Verdict } from '../stats/types'
import { clip } from './format/escape'
import { countOf, formatCount, formatP } from './format/numbers'
import { formatChange, relativeChange, VERDICT_LABEL } from './model'

const MAX_NAME = 100

/**
 * The one-line verdict of comparisons judged together, the benchmarks of report mode or
 * the phases of a run: `Regression in 2 of 5 benchmarks: api, web`. `names` lists the
 * ones with `verdict`, already rendered; `within` ends the all-unchanged line.
 */
export function familyHeadline(options: {
  verdict: Verdict
  matching: number
  total: number
  /** Singular: `benchmark`, `phase`. */
  noun: string
  names: string
  within: string
}): string {
  const { verdict, total, noun, names } = options
  const count = `${formatCount(options.matching)} of ${countOf(total, noun)}`
  switch (verdict) {
    case 'regression':
      return `Regression in ${count}: ${names}`
    case 'inconclusive':
      return `Inconclusive: ${count} undecided (${names}), no regression`
    case 'improvement':
      return `Improvement in ${count} (${names}), no regression`
    case 'unchanged':
      return `Unchanged: ${total === 1 ? 'the' : 'all'} ${countOf(total, noun)} ${options.within}`
  }
}

/** Plain cells of each row: name, verdict, change with its interval, p adjusted, p. */
export function familyRows(items: readonly MultiItem[]): string[][] {
  return items.map(({ results, pAdjusted }) => [
    clip(results.benchmark, MAX_NAME),
    VERDICT_LABEL[results.comparison.verdict],
    formatChange(relativeChange(results)),
    formatP(pAdjusted),
    formatP(decidingP(results.comparison))
  ])
}

/**
 * The p of the test that decided the row: an improvement's is the improvement test's
 * (its regression p is about 1), an unchanged one's the equivalence test's; an
 * inconclusive row shows the regression test's, the one a gate reads.
 */
function decidingP({ verdict, welch }: Comparison): number {
  if (verdict === 'improvement') return welch.pImprovement
  if (verdict === 'unchanged') return welch.pUnchanged
  return welch.pRegression
}

export const FAMILY_HEADER = ['Verdict', 'Change (CI)', 'Regression p adjusted', 'p']

/** What the two p columns are, after the table. */
export function familyNote(count: string): string {
  return `p: the test that decided the row (regression, improvement or unchanged; for inconclusive, regression). Regression p adjusted: the regression test's p adjusted for testing ${count} together (Holm over stage-wise p).`
}
