/**
 * One comment for many benchmarks (report mode, matrix jobs): an overall
 * headline, a row per benchmark, and each benchmark's report folded. Pure.
 */
import type { MultiItem, UnfinishedRun } from '../../results/family'
import { severity } from '../../stats/decide/verdict'
import { clip, escapeMarkdown } from '../../report/format/escape'
import { countOf } from '../../report/format/numbers'
import { fitToLimit } from '../../report/format/limit'
import { VERDICT_EMOJI } from '../../report/model'
import { benchmarksVerdict, multiHeadline } from '../../report/multi-model'
import { familyTable } from './parts/family-table'
import {
  joinBlocks,
  markdownHeadline,
  rawRowCount,
  rawRowsWorthTrying,
  reportSections,
  runLink,
  type MarkdownOptions
} from './parts/sections'
import { unfinishedSection } from './unfinished-markdown'

const MAX_NAME = 100

/**
 * The comment for many benchmarks, always under GitHub's comment size limit; runs that
 * did not finish are named right under the headline.
 */
export function renderMultiMarkdown(
  given: readonly MultiItem[],
  options: MarkdownOptions & { unfinished?: readonly UnfinishedRun[] } = {}
): string {
  // Worst first, in file order within a verdict: a report cut to fit the size limit
  // loses the unchanged rows at its end, never a regression.
  const items = [...given].sort(
    (a, b) => severity(a.results.comparison.verdict) - severity(b.results.comparison.verdict)
  )
  const unfinished = options.unfinished ?? []
  const title = `${VERDICT_EMOJI[benchmarksVerdict(items)]} ${multiHeadline(items, escapeMarkdown)}`
  const rows = rawRowsWorthTrying(Math.max(0, ...items.map(item => rawRowCount(item.results))))
  const sections = items.map(item => reportSections(item.results))
  return fitToLimit(
    detail =>
      joinBlocks([
        `## ${title}`,
        options.title === undefined ? '' : `**${escapeMarkdown(clip(options.title, MAX_NAME))}**`,
        unfinished.length === 0
          ? ''
          : unfinishedSection(unfinished, items.length + unfinished.length),
        familyTable(items, 'Benchmark', countOf(items.length, 'benchmark')),
        ...items.map((item, index) => {
          const open = item.results.comparison.verdict === 'regression' ? ' open' : ''
          const body = joinBlocks(sections[index]?.(detail) ?? [])
          const summary = `${escapeMarkdown(clip(item.results.benchmark, MAX_NAME))}: ${markdownHeadline(item.results)}`
          return `<details${open}>\n<summary>${summary}</summary>\n\n${body}\n</details>`
        }),
        runLink(options.runUrl)
      ]),
    rows
  )
}
