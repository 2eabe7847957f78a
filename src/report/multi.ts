/**
 * One comment for many benchmarks (report mode, matrix jobs): an overall
 * headline, a row per benchmark, and each benchmark's report folded. Pure.
 */
import { InputError } from '../core/errors'
import type { MultiItem } from '../results/family'
import type { Verdict } from '../stats/types'
import { overallVerdict as verdictOfAll } from '../stats/verdict'
import { clip, escapeMarkdown, plainText } from './escape'
import { formatCount, formatP } from './format'
import { fitToLimit } from './limit'
import {
  joinBlocks,
  markdownHeadline,
  rawRowCount,
  rawRowsWorthTrying,
  reportSections,
  runLink,
  type MarkdownOptions
} from './markdown'
import { formatChange, relativeChange, VERDICT_EMOJI, VERDICT_LABEL } from './model'

const MAX_NAMES = 5
const MAX_NAME = 100

/** The verdict over all benchmarks: any regression makes it a regression. */
export function overallVerdict(items: readonly MultiItem[]): Verdict {
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
  const verdict = overallVerdict(items)
  const matching = items.filter(item => item.results.comparison.verdict === verdict)
  const count = `${formatCount(matching.length)} of ${formatCount(items.length)} benchmarks`
  const names = nameList(matching, render)
  switch (verdict) {
    case 'regression':
      return `Regression in ${count}: ${names}`
    case 'inconclusive':
      return `Inconclusive: ${count} undecided (${names}), no regression`
    case 'improvement':
      return `Improvement in ${count} (${names}), no regression`
    case 'unchanged':
      return `Unchanged: all ${formatCount(items.length)} benchmarks within their thresholds`
  }
}

/** The comment for many benchmarks, always under GitHub's comment size limit. */
export function renderMultiMarkdown(
  items: readonly MultiItem[],
  options: MarkdownOptions = {}
): string {
  const title = `${VERDICT_EMOJI[overallVerdict(items)]} ${multiHeadline(items, escapeMarkdown)}`
  const rows = rawRowsWorthTrying(Math.max(0, ...items.map(item => rawRowCount(item.results))))
  const sections = items.map(item => reportSections(item.results))
  return fitToLimit(
    detail =>
      joinBlocks([
        `## ${title}`,
        options.title === undefined ? '' : `**${escapeMarkdown(clip(options.title, MAX_NAME))}**`,
        summaryTable(items),
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

function summaryTable(items: readonly MultiItem[]): string {
  const lines = [
    '| Benchmark | Verdict | Change (CI) | p adjusted | p |',
    '| --- | --- | ---: | ---: | ---: |',
    ...items.map(({ results, pAdjusted }) => {
      const { verdict, welch } = results.comparison
      const name = escapeMarkdown(clip(results.benchmark, MAX_NAME))
      const change = formatChange(relativeChange(results))
      return `| ${name} | ${VERDICT_EMOJI[verdict]} ${VERDICT_LABEL[verdict]} | ${change} | ${formatP(pAdjusted)} | ${formatP(welch.pRegression)} |`
    })
  ]
  const note = `_p: the regression test (candidate slower than its threshold allows); adjusted for testing ${formatCount(items.length)} benchmarks together._`
  return `${lines.join('\n')}\n\n${note}`
}
