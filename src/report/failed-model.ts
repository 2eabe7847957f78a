/**
 * What the report of a run that ended without a verdict says (docs/results-file.md):
 * what failed, the tail of its log, the samples measured so far. Pure.
 */
import { BenchmarkAborted, withoutLog } from '../bench/failures'
import { describeError } from '../core/errors/errors'
import type { PartialResultsFile } from '../results/build/partial'
import { FailedRuns } from '../results/build/failed-runs'
import { clip } from './format/escape'
import { formatCount, formatDurationColumns } from './format/numbers'

export interface FailedRun {
  benchmark: string
  error: unknown
  /** What was measured before it stopped, when anything was. */
  partial?: PartialResultsFile
}

const MAX_DETAIL_LINE = 500
const MAX_DETAIL_LINES = 40

/**
 * What both renderings say: the first line of the error, its detail (without the log
 * lines it quotes unless `logs`), the words around it.
 */
export function failedModel(run: FailedRun, logs: boolean) {
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
export function samplesSoFar(
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
