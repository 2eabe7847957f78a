/**
 * The table at the top of a report of comparisons judged together, a row each: report
 * mode's benchmarks, a run's phases (docs/phases.md). Pure.
 */
import type { MultiItem } from '../results/family'
import type { Comparison } from '../stats/types'
import { clip, escapeMarkdown } from './escape'
import { formatP } from './format'
import { formatChange, relativeChange, VERDICT_EMOJI, VERDICT_LABEL } from './model'

const MAX_NAME = 100

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

/** The markdown table, with `heading` over the names, and its note. */
export function familyTable(items: readonly MultiItem[], heading: string, count: string): string {
  const rows = familyRows(items).map(([name, , ...figures], index) => {
    const verdict = items[index]!.results.comparison.verdict
    const cells = [escapeMarkdown(name!), `${VERDICT_EMOJI[verdict]} ${VERDICT_LABEL[verdict]}`]
    return `| ${[...cells, ...figures].join(' | ')} |`
  })
  const lines = [
    `| ${[heading, ...FAMILY_HEADER].join(' | ')} |`,
    '| --- | --- | ---: | ---: | ---: |',
    ...rows
  ]
  return `${lines.join('\n')}\n\n_${familyNote(count)}_`
}
