import { clip, plainText } from '../../report/format/escape'
import { failedModel, samplesSoFar, type FailedRun } from '../../report/failed-model'
import { alignColumns } from './align'

/** Longest name or command in a terminal's table, as in the text report. */
const MAX_TEXT_CELL = 60

/**
 * The report of a run that ended without a verdict, for a terminal (`--format text`):
 * the failure first, as its headline,
 * then why there is no verdict and the samples so far. Plain text, aligned with spaces.
 */
export function renderFailedText(run: FailedRun): string {
  // A terminal, like the job summary, shows the log lines.
  const said = failedModel(run, true)
  const table = samplesSoFar(run.partial)
  const lines = [
    `${plainText(run.benchmark)}: ${said.word}: ${plainText(said.first)}`,
    ...(said.detail.trim() === '' ? [] : ['', ...said.detail.split('\n').map(plainText)]),
    '',
    `${said.why}.`
  ]
  if (table !== null && table.rows.length > 0) {
    const rows = table.rows.map(row =>
      row.map((cell, i) => (i < table.textColumns ? clip(plainText(cell), MAX_TEXT_CELL) : cell))
    )
    lines.push('', `${said.samples}:`, ...alignColumns(table.header, rows, table.textColumns))
  }
  return `${lines.join('\n')}\n`
}
