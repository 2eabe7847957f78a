/**
 * The report of a run that ended without a verdict (docs/results-file.md): what failed,
 * the tail of its log, the samples measured so far. It replaces the sticky comment and
 * fills the job summary, so an earlier verdict never stays standing. Pure.
 */
import { BenchmarkAborted, withoutLog } from '../bench/failures'
import { describeError } from '../core/errors'
import type { PartialResultsFile } from '../results/partial'
import { FailedRuns } from '../results/failed-runs'
import { clip, codeBlock, escapeMarkdown, plainText } from './escape'
import { alignColumns } from './align'
import { formatCount, formatDurationColumns } from './format'
import { capBody, REPORT_LIMIT } from './limit'
import { runLink } from './sections'

export interface FailedRun {
  benchmark: string
  error: unknown
  /** What was measured before it stopped, when anything was. */
  partial?: PartialResultsFile
}

const LOG_LEFT_OUT =
  "_The last lines of the command's log are in the job summary and the uploaded logs; `comment-logs: true` shows them here._"
const MAX_CELL = 300
const MAX_DETAIL_LINE = 500
const MAX_DETAIL_LINES = 40
/** Longest name or command in a terminal's table, as in the text report. */
const MAX_TEXT_CELL = 60

/**
 * `logs`: whether the command's log lines the error quotes are shown. The job summary
 * shows them; the public comment only when the user opts in (`comment-logs`).
 */
export function renderFailedMarkdown(
  run: FailedRun,
  options: { runUrl?: string; logs: boolean }
): string {
  const said = failedModel(run, options.logs)
  const table = samplesSoFar(run.partial)
  const blocks = [
    `## ${said.emoji} ${said.word}: ${escapeMarkdown(clip(said.first, MAX_CELL))}`,
    `Benchmark: **${escapeMarkdown(clip(run.benchmark, MAX_CELL))}**`,
    `${said.why}: an earlier verdict on this pull request no longer stands.`,
    said.detail.trim() === '' ? '' : codeBlock(said.detail),
    said.cut ? LOG_LEFT_OUT : '',
    table === null
      ? ''
      : table.rows.length === 0
        ? `**${said.samples}:** none; it stopped before the first sample.`
        : [
            `**${said.samples}**`,
            '',
            `| ${table.header.join(' | ')} |`,
            `| ${table.header.map((_, i) => (i < table.textColumns ? '---' : '---:')).join(' | ')} |`,
            ...table.rows.map(
              row =>
                `| ${row.map((cell, i) => (i === 0 ? `**${escapeMarkdown(clip(cell, MAX_CELL))}**` : i < table.textColumns ? escapeMarkdown(clip(cell, MAX_CELL)) : cell)).join(' | ')} |`
            )
          ].join('\n'),
    runLink(options.runUrl)
  ]
  return capBody(`${blocks.filter(block => block !== '').join('\n\n')}\n`, REPORT_LIMIT)
}

/**
 * The same report for a terminal (`--format text`): the failure first, as its headline,
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

/**
 * What both renderings say: the first line of the error, its detail (without the log
 * lines it quotes unless `logs`), the words around it.
 */
function failedModel(run: FailedRun, logs: boolean) {
  const { text, cut } = logs
    ? { text: describeError(run.error), cut: false }
    : withoutLog(run.error)
  const [first = '', ...rest] = text.split('\n')
  const stopped = run.error instanceof BenchmarkAborted
  return {
    first,
    cut,
    detail: rest
      .slice(-MAX_DETAIL_LINES)
      .map(line => clip(line, MAX_DETAIL_LINE))
      .join('\n'),
    emoji: stopped ? '⏹️' : '❌',
    word: stopped ? 'Interrupted' : 'Failed',
    samples: run.error instanceof FailedRuns ? 'Samples' : 'Samples so far',
    why: stopped
      ? 'The run was stopped before it finished, so it has no verdict'
      : run.error instanceof FailedRuns
        ? 'Runs failed, so the comparison has no verdict'
        : 'The benchmark did not finish, so it has no verdict'
  }
}

/**
 * Each group's samples so far (count, failed runs, mean, min, max); null without a
 * partial file, no rows when nothing was measured. Cells are plain text; the first
 * `textColumns` are user text.
 */
function samplesSoFar(
  partial: PartialResultsFile | undefined
): { header: string[]; rows: string[][]; textColumns: number } | null {
  if (partial === undefined) return null
  const groups = partial.results
  if (groups.every(group => group.times.length === 0))
    return { header: [], rows: [], textColumns: 0 }
  const number = (value: number | null) => value ?? Number.NaN
  const [means = [], mins = [], maxes = []] = formatDurationColumns([
    groups.map(group => number(group.mean)),
    groups.map(group => number(group.min)),
    groups.map(group => number(group.max))
  ])
  const hasVersion = groups.some(group => group.version !== undefined)
  // A Pulumi run of several phases has a row per group and phase.
  const hasPhase = new Set(groups.map(group => group.parameters.phase)).size > 1
  const rows = groups.map((group, index) => [
    group.parameters.group,
    ...(hasPhase ? [group.parameters.phase ?? ''] : []),
    (hasVersion ? group.version : undefined) ?? group.command,
    formatCount(group.times.length),
    formatCount(group.exit_codes.filter(code => code !== 0).length),
    means[index] ?? '-',
    mins[index] ?? '-',
    maxes[index] ?? '-'
  ])
  const header = [
    'Group',
    ...(hasPhase ? ['Phase'] : []),
    hasVersion ? 'Pulumi version' : 'Command',
    'Samples',
    'Failed',
    'Mean',
    'Min',
    'Max'
  ]
  return { header, rows, textColumns: hasPhase ? 3 : 2 }
}
