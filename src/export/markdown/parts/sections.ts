/**
 * The parts of a report for one comparison (docs/results-file.md): the headline, the
 * group table, statistics, chart, raw samples and environment, shared by the report of
 * one benchmark, of a run's phases and of many benchmarks. Pure.
 */
import type { Environment } from '../../../bench/environment'
import { stepVerdict } from '../../../results/read/phases'
import type { ResultsFile } from '../../../results/schema'
import { renderChart } from './chart'
import { clip, escapeMarkdown, safeUrl } from '../../../report/format/escape'
import { formatCount, formatPlain, formatSeconds } from '../../../report/format/numbers'
import { GITHUB_COMMENT_LIMIT, type Detail } from '../../../report/format/limit'
import { headline } from '../../../report/headline'
import {
  comparedGroups,
  groupTable,
  sensitivityLines,
  speedupSentence,
  statisticsLines,
  VERDICT_EMOJI,
  type Style
} from '../../../report/model'

export interface MarkdownOptions {
  /**
   * Link to the workflow run, from the reporting job's own environment; never taken
   * from the results file, which a fork's code may have written.
   */
  runUrl?: string
  /** Shown under the headline instead of the benchmark name. */
  title?: string
}

/** Longest user text shown in a table cell or list item; the results file has the rest. */
export const MAX_CELL = 300
const MAX_WARNING = 500
const MAX_WARNINGS = 20

const HEADLINE_STYLE: Style = {
  name: text => escapeMarkdown(clip(text, MAX_CELL)),
  alpha: 'α'
}
const BODY_STYLE: Style = { name: text => `**${HEADLINE_STYLE.name(text)}**`, alpha: 'α' }

/** The headline with its verdict emoji, escaped for markdown. */
export function markdownHeadline(results: ResultsFile): string {
  return `${VERDICT_EMOJI[stepVerdict(results)]} ${headline(results, HEADLINE_STYLE)}`
}

/** Blocks of markdown separated by blank lines; empty blocks are left out. */
export function joinBlocks(blocks: readonly string[]): string {
  return `${blocks.filter(block => block !== '').join('\n\n')}\n`
}

/** Rows of the raw-samples table: the longer group's sample count. */
export function rawRowCount(results: ResultsFile): number {
  const { baseline, candidate } = comparedGroups(results)
  return Math.max(baseline.times.length, candidate.times.length)
}

/** The shortest raw-samples row, `| 1 | 2 | 3 |`: more rows than this allows never fit. */
const MIN_RAW_ROW_CHARS = 13

/** Raw rows worth trying: no comment can hold more, however short the rest. */
export function rawRowsWorthTrying(rows: number): number {
  return Math.min(rows, Math.ceil(GITHUB_COMMENT_LIMIT / MIN_RAW_ROW_CHARS))
}

/**
 * Everything below the headline: table, summary, statistics, sensitivity,
 * warnings, chart, raw samples and environment. Shared with the multi-benchmark
 * comment. The fixed parts are rendered once; the returned function assembles
 * them with as much optional detail as asked, so fitting the size limit can
 * try several levels cheaply.
 */
export function reportSections(results: ResultsFile): (detail: Detail) => string[] {
  const sensitivity = sensitivityLines(results)
  const before = [
    markdownTable(groupTable(results)),
    speedupSentence(results, BODY_STYLE),
    bulletList(statisticsLines(results, BODY_STYLE)),
    sensitivity.length === 0 ? '' : `**Why inconclusive:** ${sensitivity.join(' ')}`,
    warningsBlock(results.comparison.warnings)
  ]
  const chart = renderChart(comparedGroups(results), BODY_STYLE)
  const rawSamples = rawSamplesBlock(results)
  const environment = environmentBlock(results.environment)
  return detail => [
    ...before,
    detail.chart ? chart : '_Chart left out to fit the size limit._',
    rawSamples(detail.rawRows),
    environment
  ]
}

/** A group table in markdown, the first column bold. */
export function markdownTable({ header, rows }: { header: string[]; rows: string[][] }): string {
  const align = header.map((_, index) => (index < 2 ? '---' : '---:'))
  const cells = rows.map(row =>
    row.map((cell, index) => {
      const text = escapeMarkdown(clip(cell, MAX_CELL))
      return index === 0 ? `**${text}**` : text
    })
  )
  return [header, align, ...cells].map(row => `| ${row.join(' | ')} |`).join('\n')
}

function bulletList(lines: readonly string[]): string {
  return lines.map(line => `- ${line}`).join('\n')
}

function warningsBlock(warnings: readonly string[]): string {
  if (warnings.length === 0) return ''
  const shown = warnings
    .slice(0, MAX_WARNINGS)
    .map(warning => `⚠️ ${escapeMarkdown(clip(warning, MAX_WARNING))}`)
  if (warnings.length > MAX_WARNINGS) {
    shown.push(`… and ${formatCount(warnings.length - MAX_WARNINGS)} more in the results file`)
  }
  return `**Warnings**\n\n${bulletList(shown)}`
}

/** One comparison's report folded under its heading, opened when it is a regression. */
export function foldedReport(heading: string, verdict: string, body: string): string {
  const open = verdict === 'regression' ? ' open' : ''
  return `<details${open}>\n<summary>${heading}</summary>\n\n${body}\n</details>`
}

export function details(summary: string, body: string): string {
  return `<details>\n<summary>${summary}</summary>\n\n${body}\n\n</details>`
}

/** The raw samples folded, as a function of how many rows fit. */
function rawSamplesBlock(results: ResultsFile): (rawRows: number) => string {
  const { baseline, candidate } = comparedGroups(results)
  const total = rawRowCount(results)
  const names = [baseline, candidate].map(group =>
    escapeMarkdown(clip(group.parameters?.group ?? '', MAX_CELL))
  )
  const cell = (times: number[], index: number): string => {
    const time = times[index]
    return time === undefined ? '' : formatSeconds(time)
  }
  // Rows are formatted on first need: most of 100,000 never make it into a comment.
  const rows: string[] = []
  const firstRows = (count: number): string[] => {
    for (let index = rows.length; index < count; index++) {
      rows.push(
        `| ${index + 1} | ${cell(baseline.times, index)} | ${cell(candidate.times, index)} |`
      )
    }
    return rows.slice(0, count)
  }
  return rawRows => {
    const shown = Math.min(rawRows, total)
    if (total === 0) return ''
    if (shown === 0) {
      return `_Raw samples (${formatCount(total)} per group) left out to fit the size limit; the results file holds them._`
    }
    const lines = [
      `| # | ${names[0]} | ${names[1]} |`,
      '| ---: | ---: | ---: |',
      ...firstRows(shown)
    ]
    if (shown < total) {
      lines.push(
        '',
        `_Showing the first ${formatCount(shown)} of ${formatCount(total)} samples per group to fit the size limit; the results file holds all of them._`
      )
    }
    return details('Raw samples (seconds, in run order)', lines.join('\n'))
  }
}

const BYTES_PER_GIB = 2 ** 30

function environmentValue(key: string, value: unknown): string {
  if (key === 'memoryBytes' && typeof value === 'number') {
    return `${(value / BYTES_PER_GIB).toFixed(1)} GiB`
  }
  if (typeof value === 'number') return formatPlain(value)
  if (Array.isArray(value)) return value.map(item => environmentValue('', item)).join(', ')
  if (typeof value === 'object' && value !== null) return JSON.stringify(value)
  return String(value)
}

export function environmentBlock(environment: Environment | undefined): string {
  if (!environment) return ''
  const rows = Object.entries(environment)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => {
      const text = escapeMarkdown(clip(environmentValue(key, value), MAX_CELL))
      return `| ${escapeMarkdown(clip(key, MAX_CELL))} | ${text} |`
    })
  if (rows.length === 0) return ''
  return details('Environment', ['| Setting | Value |', '| --- | --- |', ...rows].join('\n'))
}

/** The footer, with a link to the workflow run when the URL is a safe http(s) one. */
export function runLink(url: string | undefined): string {
  const target = url === undefined ? undefined : safeUrl(url)
  const source = 'Posted by pulumi-perf-gate'
  return target === undefined
    ? `<sub>${source}</sub>`
    : `<sub>${source} · [workflow run](${target})</sub>`
}
