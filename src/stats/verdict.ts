import type { Verdict, WelchFigures } from './types'

/**
 * The decision at one look (SPEC §6): regression first, then improvement, then
 * unchanged; null means "keep sampling", which becomes inconclusive at the last look.
 */
export function decide(
  p: Pick<WelchFigures, 'pRegression' | 'pImprovement' | 'pUnchanged'>,
  level: number,
  lastLook: boolean
): Verdict | null {
  if (p.pRegression < level) return 'regression'
  if (p.pImprovement < level) return 'improvement'
  if (p.pUnchanged < level) return 'unchanged'
  return lastLook ? 'inconclusive' : null
}

/** Whether a verdict fails the check under the `fail-on` setting. */
export type FailOn = 'regression' | 'regression-or-inconclusive' | 'never'

export function failsCheck(verdict: Verdict, failOn: FailOn): boolean {
  if (failOn === 'never') return false
  if (verdict === 'regression') return true
  return failOn === 'regression-or-inconclusive' && verdict === 'inconclusive'
}
