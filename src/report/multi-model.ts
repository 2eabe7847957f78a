/**
 * What a report of many benchmarks says (report mode, matrix jobs): the verdict over
 * all of them, the overall headline, and the runs that did not finish, whose text comes
 * from results files: untrusted, clipped. Pure.
 */
import { BenchmarkError, InputError } from '../core/errors/errors'
import type { JoinedResults, MultiItem, UnfinishedRun } from '../results/family'
import type { Verdict } from '../stats/types'
import { overallVerdict as verdictOfAll } from '../stats/decide/verdict'
import { clip, plainText } from './format/escape'
import { countOf, formatCount } from './format/numbers'
import { familyHeadline } from './family-model'

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

/** `1 of 3 benchmarks failed: web` (did not finish, or had failed runs); `render` shapes the names (plain text by default). */
export function unfinishedHeadline(
  unfinished: readonly UnfinishedRun[],
  total: number,
  render: (name: string) => string = plainText
): string {
  const shown = unfinished.slice(0, 5).map(run => render(clip(run.benchmark, MAX_NAME)))
  const more = unfinished.length - shown.length
  const names = more > 0 ? `${shown.join(', ')} and ${formatCount(more)} more` : shown.join(', ')
  return `${formatCount(unfinished.length)} of ${countOf(total, 'benchmark')} failed: ${names}`
}

/** What fails the report: a run that did not finish failed its own job too. */
export function unfinishedFailure(
  unfinished: readonly UnfinishedRun[],
  total: number
): BenchmarkError {
  return new BenchmarkError(unfinishedHeadline(unfinished, total))
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
