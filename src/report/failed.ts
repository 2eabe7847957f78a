/**
 * The report of a run that ended without a verdict (README: Results file): what failed,
 * the tail of its log, the samples measured so far. It replaces the sticky comment and
 * fills the job summary, so an earlier verdict never stays standing. Pure.
 */
import { BenchmarkAborted, withoutLog } from '../bench/failures'
import { describeError } from '../core/errors'
import type { PartialResultsFile } from '../results/partial'
import { clip, codeBlock, escapeMarkdown } from './escape'
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

/**
 * `logs`: whether the command's log lines the error quotes are shown. The job summary
 * shows them; the public comment only when the user opts in (`comment-logs`).
 */
export function renderFailedMarkdown(
  run: FailedRun,
  options: { runUrl?: string; logs: boolean }
): string {
  const { text, cut } = options.logs
    ? { text: describeError(run.error), cut: false }
    : withoutLog(run.error)
  const [first = '', ...rest] = text.split('\n')
  const emoji = interrupted(run) ? '⏹️' : '❌'
  const word = interrupted(run) ? 'Interrupted' : 'Failed'
  const why = interrupted(run)
    ? 'The run was stopped before it finished, so it has no verdict'
    : 'The benchmark did not finish, so it has no verdict'
  const detail = rest
    .slice(-MAX_DETAIL_LINES)
    .map(line => clip(line, MAX_DETAIL_LINE))
    .join('\n')
  const blocks = [
    `## ${emoji} ${word}: ${escapeMarkdown(clip(first, MAX_CELL))}`,
    `Benchmark: **${escapeMarkdown(clip(run.benchmark, MAX_CELL))}**`,
    `${why}: an earlier verdict on this pull request no longer stands.`,
    detail.trim() === '' ? '' : codeBlock(detail),
    cut ? LOG_LEFT_OUT : '',
    samplesSoFar(run.partial),
    runLink(options.runUrl)
  ]
  return capBody(`${blocks.filter(block => block !== '').join('\n\n')}\n`, REPORT_LIMIT)
}

function interrupted(run: FailedRun): boolean {
  return run.error instanceof BenchmarkAborted
}

/** A table of each group's samples so far: count, mean, min and max. */
function samplesSoFar(partial: PartialResultsFile | undefined): string {
  if (partial === undefined) return ''
  const groups = partial.results
  if (groups.every(group => group.times.length === 0)) {
    return '**Samples so far:** none; it stopped before the first sample.'
  }
  const number = (value: number | null) => value ?? Number.NaN
  const [means = [], mins = [], maxes = []] = formatDurationColumns([
    groups.map(group => number(group.mean)),
    groups.map(group => number(group.min)),
    groups.map(group => number(group.max))
  ])
  const hasVersion = groups.some(group => group.version !== undefined)
  // A Pulumi run of several phases has a row per group and phase.
  const hasPhase = new Set(groups.map(group => group.parameters.phase)).size > 1
  const rows = groups.map((group, index) => {
    const label = (hasVersion ? group.version : undefined) ?? group.command
    const cells = [
      `**${escapeMarkdown(clip(group.parameters.group, MAX_CELL))}**`,
      ...(hasPhase ? [escapeMarkdown(clip(group.parameters.phase ?? '', MAX_CELL))] : []),
      escapeMarkdown(clip(label, MAX_CELL)),
      formatCount(group.times.length),
      means[index] ?? '-',
      mins[index] ?? '-',
      maxes[index] ?? '-'
    ]
    return `| ${cells.join(' | ')} |`
  })
  return [
    '**Samples so far**',
    '',
    `| Group |${hasPhase ? ' Phase |' : ''} ${hasVersion ? 'Pulumi version' : 'Command'} | Samples | Mean | Min | Max |`,
    `| --- |${hasPhase ? ' --- |' : ''} --- | ---: | ---: | ---: | ---: |`,
    ...rows
  ].join('\n')
}
