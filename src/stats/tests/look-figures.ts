import { detrended } from '../describe/detrend'
import { welchFigures } from './margin-tests'
import { summarize, type GroupSummary } from '../describe/summary'
import { trimmedGroup } from './trimmed'
import { PLAIN_TEST, type SpreadFloor, type TestKind } from './test-kind'
import type { WelchFigures } from '../types'

/**
 * What the tests see at one look: the groups as tested (20%-trimmed in Yuen's form for
 * `statistic: trimmed`), their figures, the df taken off.
 */
export interface LookFigures {
  baseline: GroupSummary
  candidate: GroupSummary
  figures: WelchFigures
  dfLoss: number
}

/**
 * The tests at a look of `nb` baseline and `nc` candidate samples, shared by `analyse`,
 * the stop rule and report mode's regression path, so they can never disagree. With
 * `detrend`, the groups are first rid of their common run-order trend (one df less);
 * with a spread floor, an early look's groups are no tighter than the floor.
 */
export function lookFigures(
  baselineTimes: readonly number[],
  candidateTimes: readonly number[],
  look: { baseline: number; candidate: number },
  threshold: number,
  test: TestKind = PLAIN_TEST
): LookFigures {
  const { detrend, spreadFloor, statistic } = test
  let baseline = baselineTimes.slice(0, look.baseline)
  let candidate = candidateTimes.slice(0, look.candidate)
  if (detrend) ({ baseline, candidate } = detrended(baseline, candidate))
  const dfLoss = detrend ? 1 : 0
  const tested = (times: number[]): GroupSummary => {
    const group = summarize(times)
    return floored(statistic === 'trimmed' ? trimmedGroup(times, group) : group, spreadFloor)
  }
  const summaries = { baseline: tested(baseline), candidate: tested(candidate) }
  return {
    ...summaries,
    figures: welchFigures(summaries.baseline, summaries.candidate, threshold, dfLoss),
    dfLoss
  }
}

function floored(group: GroupSummary, floor: SpreadFloor | null): GroupSummary {
  if (floor === null || group.n >= floor.belowSamples) return group
  return { ...group, stddev: Math.max(group.stddev, floor.share * Math.abs(group.mean)) }
}
