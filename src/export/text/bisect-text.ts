/**
 * A bisect's report on a terminal (docs/bisect.md): the headline, what was found, the
 * links, a table of every step and phase, then each step's own report. Pure.
 */
import type { BisectResults } from '../../results/bisect'
import { alignColumns } from './align'
import { plainText } from '../../report/format/escape'
import { PLAIN_STYLE } from '../../report/model'
import { bisectReport, STEP_HEADER, stepRows } from '../../report/bisect-model'
import { renderText } from './text'

export function renderBisectText(results: BisectResults): string {
  const report = bisectReport(results, PLAIN_STYLE)
  const table = alignColumns(
    STEP_HEADER,
    stepRows(results).map(cells => cells.map(plainText)),
    5
  )
  const steps = results.steps.map(
    (step, k) => `Step ${k + 1}: ${plainText(step.version)}\n${renderText(step.results)}`
  )
  return [
    report.headline,
    ...report.lines,
    ...report.links.map(link => `${link.text}: ${link.url}`),
    '',
    ...table,
    '',
    ...steps
  ].join('\n')
}
