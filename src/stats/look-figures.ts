import { detrended } from './detrend'
import { welchFigures } from './margin-tests'
import { summarize, type GroupSummary } from './summary'
import type { WelchFigures } from './types'

/** What the tests see at one look: the groups as tested, their figures, the df taken off. */
export interface LookFigures {
  baseline: GroupSummary
  candidate: GroupSummary
  figures: WelchFigures
  dfLoss: number
}

/**
 * The tests at a look of `nb` baseline and `nc` candidate samples, shared by `analyse`,
 * the stop rule and report mode's regression path, so they can never disagree. With
 * `detrend`, the groups are first rid of their common run-order trend (one df less).
 */
export function lookFigures(
  baselineTimes: readonly number[],
  candidateTimes: readonly number[],
  look: { baseline: number; candidate: number },
  threshold: number,
  detrend: boolean
): LookFigures {
  let baseline = baselineTimes.slice(0, look.baseline)
  let candidate = candidateTimes.slice(0, look.candidate)
  if (detrend) ({ baseline, candidate } = detrended(baseline, candidate))
  const dfLoss = detrend ? 1 : 0
  const summaries = { baseline: summarize(baseline), candidate: summarize(candidate) }
  return {
    ...summaries,
    figures: welchFigures(summaries.baseline, summaries.candidate, threshold, dfLoss),
    dfLoss
  }
}
