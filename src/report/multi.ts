/**
 * One comment for many benchmarks (report mode, matrix jobs): an overall
 * headline, a row per benchmark, and each benchmark's report folded. Pure.
 */
import { InputError } from '../core/errors'
import type { JoinedResults, MultiItem, UnfinishedRun } from '../results/family'
import type { Verdict } from '../stats/types'
import { overallVerdict as verdictOfAll, severity } from '../stats/verdict'
import { clip, escapeMarkdown, plainText } from './escape'
import { countOf, formatCount } from './format'
import { familyHeadline } from './family-headline'
import { familyTable } from './family-table'
import { fitToLimit } from './limit'
import {
  joinBlocks,
  markdownHeadline,
  rawRowCount,
  rawRowsWorthTrying,
  reportSections,
  runLink,
  type MarkdownOptions
} from './sections'
import { VERDICT_EMOJI } from './model'
import { unfinishedHeadline, unfinishedSection } from './unfinished'

const MAX_NAMES = 5
const MAX_NAME = 100

/** The verdict over all benchmarks: any regression makes it a regression. */
export function benchmarksVerdict(items: readonly MultiItem[]): Verdict {
  return verdictOfAll(items.map(item => item.results.comparison.verdict))
}

function nameList(items: readonly MultiItem[], render: (name: string) => string): string {
  const names = items
    .slice(0, MAX_NAMES)
    .map(item => render(clip(item.results.benchmark, MAX_NAME)))
  const more = items.length - MAX_NAMES
  return more > 0 ? `${names.join(', ')} and ${formatCount(more)} more` : names.join(', ')
}

/**
 * The overall headline in one line, e.g. `Regression in 2 of 5 benchmarks: api, web`.
 * `render` shapes benchmark names (plain text by default).
 */
export function multiHeadline(
  items: readonly MultiItem[],
  render: (name: string) => string = plainText
): string {
  if (items.length === 0) {
    throw new InputError('No results to report: results matched no results files')
  }
  const verdict = benchmarksVerdict(items)
  const matching = items.filter(item => item.results.comparison.verdict === verdict)
  return familyHeadline({
    verdict,
    matching: matching.length,
    total: items.length,
    noun: 'benchmark',
    names: nameList(matching, render),
    within: items.length === 1 ? 'within its threshold' : 'within their thresholds'
  })
}

/**
 * What a report of many benchmarks says first, in every format: the worst verdict over
 * the finished ones, unless a run did not finish and none regressed, when the report
 * failed (as its check does).
 */
export function joinedHeadline({ items, unfinished }: JoinedResults): {
  verdict: Verdict | 'failed'
  headline: string
} {
  const verdict = items.length === 0 ? 'regression' : benchmarksVerdict(items)
  if (unfinished.length > 0 && (items.length === 0 || verdict !== 'regression')) {
    const total = items.length + unfinished.length
    return { verdict: 'failed', headline: `Failed: ${unfinishedHeadline(unfinished, total)}` }
  }
  return { verdict, headline: multiHeadline(items) }
}

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
