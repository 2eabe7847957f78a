/**
 * The comment of a run that times several Pulumi phases (docs/phases.md): the step's
 * headline, a row per phase, then each phase's report (table, statistics, chart, raw
 * samples): the first in full, the others folded, a regression's opened. Pure.
 */
import { phaseItems } from '../../results/read/phases'
import type { ResultsFile } from '../../results/schema'
import { clip, escapeMarkdown } from '../../report/format/escape'
import { familyTable } from './parts/family-table'
import { formatCount } from '../../report/format/numbers'
import { fitToLimit } from '../../report/format/limit'
import {
  environmentBlock,
  foldedReport,
  joinBlocks,
  markdownHeadline,
  MAX_CELL,
  rawRowCount,
  rawRowsWorthTrying,
  reportSections,
  runLink,
  type MarkdownOptions
} from './parts/sections'

export function renderPhasedMarkdown(results: ResultsFile, options: MarkdownOptions = {}): string {
  const items = phaseItems(results)
  const sections = items.map(item => reportSections(item.results))
  const rows = rawRowsWorthTrying(Math.max(0, ...items.map(item => rawRowCount(item.results))))
  const count = `the ${formatCount(items.length)} phases`
  return fitToLimit(
    detail =>
      joinBlocks([
        `## ${markdownHeadline(results)}`,
        `Benchmark: **${escapeMarkdown(clip(options.title ?? results.benchmark, MAX_CELL))}**`,
        familyTable(items, 'Phase', count),
        ...items.map(({ results: phase }, index) => {
          const body = joinBlocks(sections[index]!(detail))
          const heading = `${escapeMarkdown(phase.benchmark)}: ${markdownHeadline(phase)}`
          if (index === 0) return `### ${heading}\n\n${body}`
          return foldedReport(heading, phase.comparison.verdict, body)
        }),
        environmentBlock(results.environment),
        runLink(options.runUrl)
      ]),
    rows
  )
}
