import type { LookLevels } from './design'
import type { Verdict, WelchFigures } from './types'

/**
 * The decision at one look (README "How it decides"): regression first, then
 * improvement, at the look's regression level; then unchanged at its equivalence
 * level; null means "keep sampling", which becomes inconclusive at the last look.
 */
export function decide(
  p: Pick<WelchFigures, 'pRegression' | 'pImprovement' | 'pUnchanged'>,
  levels: LookLevels,
  lastLook: boolean
): Verdict | null {
  if (p.pRegression < levels.regression) return 'regression'
  if (p.pImprovement < levels.regression) return 'improvement'
  if (p.pUnchanged < levels.equivalence) return 'unchanged'
  return lastLook ? 'inconclusive' : null
}

/** Whether a verdict fails the check under the `fail-on` setting. */
export type FailOn = 'regression' | 'regression-or-inconclusive' | 'never'

export function failsCheck(verdict: Verdict, failOn: FailOn): boolean {
  if (failOn === 'never') return false
  if (verdict === 'regression') return true
  return failOn === 'regression-or-inconclusive' && verdict === 'inconclusive'
}
