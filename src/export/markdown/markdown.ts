/**
 * The pull-request comment and job summary (README "Usage"): the report of one
 * comparison, or of a run's phases, always under GitHub's comment size limit. Pure.
 */
import type { ResultsFile } from '../../results/schema'
import { phaseNames } from '../../results/read/phases'
import { clip, escapeMarkdown } from '../../report/format/escape'
import { fitToLimit } from '../../report/format/limit'
import { renderPhasedMarkdown } from './phased-markdown'
import { renderSweepMarkdown } from './sweep-markdown'
import {
  joinBlocks,
  markdownHeadline,
  MAX_CELL,
  rawRowCount,
  rawRowsWorthTrying,
  reportSections,
  runLink,
  type MarkdownOptions
} from './parts/sections'

export { markdownHeadline, type MarkdownOptions } from './parts/sections'

/** The report of a results file: of a sweep's groups, or of each phase when it times several. */
export function renderMarkdown(results: ResultsFile, options: MarkdownOptions = {}): string {
  if (results.sweep !== undefined) return renderSweepMarkdown(results, options)
  if (phaseNames(results).length > 0) return renderPhasedMarkdown(results, options)
  const sections = reportSections(results)
  return fitToLimit(
    detail =>
      joinBlocks([
        `## ${markdownHeadline(results)}`,
        `Benchmark: **${escapeMarkdown(clip(options.title ?? results.benchmark, MAX_CELL))}**`,
        ...sections(detail),
        runLink(options.runUrl)
      ]),
    rawRowsWorthTrying(rawRowCount(results))
  )
}
