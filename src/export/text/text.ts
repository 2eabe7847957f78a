/**
 * The command line's `--format text`: the markdown report's content for a
 * terminal, aligned with spaces. Plain ASCII apart from `±`. Pure.
 */
import { phaseItems, stepVerdict } from '../../results/read/phases'
import type { ResultsFile } from '../../results/schema'
import { sweepItems, sweepPhases } from '../../results/read/sweep'
import { FAMILY_HEADER, familyNote, familyRows } from '../../report/family-model'
import { alignColumns } from './align'
import { clip, plainText } from '../../report/format/escape'
import { headline } from '../../report/headline'
import {
  groupTable,
  PLAIN_STYLE,
  sensitivityLines,
  speedupSentence,
  statisticsLines,
  type GroupTable
} from '../../report/model'
import { sweepTable } from '../../report/sweep-model'

/** Longest command shown in the table; a terminal line should stay readable. */
const MAX_LABEL = 60

export function renderText(results: ResultsFile): string {
  if (results.sweep !== undefined) return renderSweepText(results)
  const items = phaseItems(results)
  if (items.length === 0) return renderComparison(results)
  // The step first, a row per phase, then each phase's report under its name.
  const lines = [
    `${plainText(results.benchmark)}: ${headline(results)}`,
    '',
    ...alignedTable({ header: ['Phase', ...FAMILY_HEADER], rows: familyRows(items) }),
    familyNote(`the ${items.length} phases`),
    ...items.flatMap(item => ['', renderComparison(item.results).trimEnd()]),
    '',
    `Verdict: ${stepVerdict(results)}`
  ]
  return `${lines.join('\n')}\n`
}

/** A sweep: per phase a row per group, the family's comparisons, then each in full. */
function renderSweepText(results: ResultsFile): string {
  const sweep = results.sweep!
  const items = sweepItems(results)
  const lines = [
    `${plainText(results.benchmark)}: ${headline(results)}`,
    ...sweepPhases(sweep).flatMap(phase => [
      '',
      ...(phase === undefined ? [] : [`${plainText(phase)}:`]),
      ...alignedTable(sweepTable(results, phase))
    ]),
    '',
    ...alignedTable({ header: ['Candidate', ...FAMILY_HEADER], rows: familyRows(items) }),
    familyNote(`the ${items.length} comparisons`),
    ...items.flatMap(item => ['', renderComparison(item.results).trimEnd()]),
    '',
    `Verdict: ${stepVerdict(results)}`
  ]
  return `${lines.join('\n')}\n`
}

function renderComparison(results: ResultsFile): string {
  const { comparison } = results
  const lines = [
    `${plainText(results.benchmark)}: ${headline(results)}`,
    '',
    ...alignedTable(groupTable(results)),
    '',
    speedupSentence(results, PLAIN_STYLE),
    ...statisticsLines(results, PLAIN_STYLE),
    `Verdict: ${comparison.verdict}`,
    ...sensitivityLines(results).map(line => `Why inconclusive: ${line}`)
  ]
  if (comparison.warnings.length > 0) {
    lines.push('', 'Warnings:', ...comparison.warnings.map(warning => `  - ${plainText(warning)}`))
  }
  return `${lines.join('\n')}\n`
}

function alignedTable({ header, rows }: GroupTable): string[] {
  return alignColumns(
    header,
    rows.map(row => row.map(cell => clip(plainText(cell), MAX_LABEL))),
    2
  )
}
