/**
 * The table at the top of a report of comparisons judged together, a row each: report
 * mode's benchmarks, a run's phases (docs/phases.md). Pure.
 */
import type { MultiItem } from '../../../results/family'
import { escapeMarkdown } from '../../../report/format/escape'
import { VERDICT_EMOJI, VERDICT_LABEL } from '../../../report/model'
import { FAMILY_HEADER, familyNote, familyRows } from '../../../report/family-model'

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
