import type { WelchFigures } from '../types'
import type { GroupSummary } from '../describe/summary'
import { lowerTail, twoSided, upperTail, welchStatistic } from './welch'

/**
 * All the p-values of the decision (docs/how-it-decides.md) for a relative margin δ:
 * - regression, H1: μc > (1+δ)μb;
 * - improvement, H1: μc < (1−δ)μb;
 * - unchanged, by two one-sided tests: H1: μc < (1+δ)μb and H1: μc > (1−δ)μb, the
 *   larger of their p-values. With δ = 0 the two are opposite tails, so the larger is
 *   at least ½ and unchanged is never concluded.
 */
export function welchFigures(
  baseline: GroupSummary,
  candidate: GroupSummary,
  threshold: number,
  dfLoss = 0
): WelchFigures {
  const plain = welchStatistic(baseline, candidate, 1, dfLoss)
  const upper = welchStatistic(baseline, candidate, 1 + threshold, dfLoss)
  const lower = welchStatistic(baseline, candidate, 1 - threshold, dfLoss)
  const pUnchanged = Math.max(lowerTail(upper), upperTail(lower))
  return {
    t: plain.t,
    df: plain.df,
    pTwoSided: twoSided(plain),
    pRegression: upperTail(upper),
    pImprovement: lowerTail(lower),
    pUnchanged
  }
}
