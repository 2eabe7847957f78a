/**
 * The comment of a sweep (docs/sweep.md): the headline over the candidates, per phase a
 * row per group and the chart across them, the family's table of comparisons, then each
 * comparison's report folded (a regression's opened). Pure.
 */
import type { ResultsFile } from '../../results/schema'
import { sweepItems, sweepPhases } from '../../results/read/sweep'
import { clip, escapeMarkdown } from '../../report/format/escape'
import { familyTable } from './parts/family-table'
import { formatCount } from '../../report/format/numbers'
import { fitToLimit } from '../../report/format/limit'
import {
  environmentBlock,
  foldedReport,
  joinBlocks,
  markdownHeadline,
  markdownTable,
  MAX_CELL,
  rawRowCount,
  rawRowsWorthTrying,
  reportSections,
  runLink,
  type MarkdownOptions
} from './parts/sections'
import { renderSweepChart } from './parts/sweep-chart'
import { sweepTable } from '../../report/sweep-model'

export function renderSweepMarkdown(results: ResultsFile, options: MarkdownOptions = {}): string {
  const sweep = results.sweep!
  const items = sweepItems(results)
  const sections = items.map(item => reportSections(item.results))
  const rows = rawRowsWorthTrying(Math.max(0, ...items.map(item => rawRowCount(item.results))))
  const phases = sweepPhases(sweep)
  const overview = (chart: boolean) =>
    phases.map(phase =>
      joinBlocks([
        phase === undefined ? '' : `### ${escapeMarkdown(phase)}`,
        markdownTable(sweepTable(results, phase)),
        chart ? renderSweepChart(results, phase) : '_Chart left out to fit the size limit._'
      ]).trimEnd()
    )
  const count = `the ${formatCount(items.length)} comparisons`
  return fitToLimit(
    detail =>
      joinBlocks([
        `## ${markdownHeadline(results)}`,
        `Benchmark: **${escapeMarkdown(clip(options.title ?? results.benchmark, MAX_CELL))}** · baseline **${escapeMarkdown(clip(sweep.baseline, MAX_CELL))}**, each other group a candidate against it, one family of ${formatCount(sweep.size)}`,
        ...overview(detail.chart),
        familyTable(items, 'Candidate', count),
        ...items.map(({ results: view }, index) => {
          const body = joinBlocks(sections[index]!(detail))
          const heading = `${escapeMarkdown(clip(view.benchmark, MAX_CELL))}: ${markdownHeadline(view)}`
          return foldedReport(heading, view.comparison.verdict, body)
        }),
        environmentBlock(results.environment),
        runLink(options.runUrl)
      ]),
    rows
  )
}
