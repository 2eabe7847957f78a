/**
 * Report mode on a terminal (`report --format text`): the overall headline, a count of
 * the verdicts, each benchmark's report with its adjusted p, then the runs that did
 * not finish. The first line is the worst verdict over every benchmark, never one
 * benchmark's. Pure.
 */
import type { JoinedResults } from '../../results/family'
import type { Verdict } from '../../stats/types'
import { plainText } from '../../report/format/escape'
import { countOf, formatCount } from '../../report/format/numbers'
import { joinedHeadline } from '../../report/multi-model'
import { renderText } from './text'

/** Worst first, as the overall verdict ranks them. */
const VERDICT_ORDER: readonly Verdict[] = ['regression', 'inconclusive', 'improvement', 'unchanged']

export function renderMultiText(joined: JoinedResults): string {
  const { items, unfinished } = joined
  const total = items.length + unfinished.length
  const { headline } = joinedHeadline(joined)
  const counts = VERDICT_ORDER.map(verdict => ({
    verdict,
    count: items.filter(item => item.results.comparison.verdict === verdict).length
  }))
    .filter(({ count }) => count > 0)
    .map(({ verdict, count }) => `${formatCount(count)} ${verdict}`)
  if (unfinished.length > 0) counts.push(`${formatCount(unfinished.length)} failed (no verdict)`)
  const finished = items.map(
    ({ results, pAdjusted }) =>
      `${renderText(results)}\nRegression p adjusted for ${countOf(items.length, 'benchmark')} (Holm over stage-wise p): ${pAdjusted.toPrecision(3)}\n`
  )
  const notFinished = unfinished.map(
    run =>
      `${plainText(run.benchmark)} (${plainText(run.path)}) failed, no verdict: ${plainText(run.error)}\n`
  )
  const overview = `${headline}\n${countOf(total, 'benchmark')}: ${counts.join(', ')}\n`
  return [overview, ...finished, ...notFinished].join('\n')
}
