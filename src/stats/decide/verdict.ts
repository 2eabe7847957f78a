import type { LookLevels } from '../design/design'
import type { Verdict, WelchFigures } from '../types'

/**
 * The decision at one look (docs/how-it-decides.md): regression first, then
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

/**
 * The levels a look's tests are held to at threshold δ. With δ = 0 regression and
 * improvement are the two sides of one two-sided Welch test at the look's level, so each
 * side gets half of it (SPEC §4: a two-sided p of 0.075 is no regression at α = 0.05);
 * with δ > 0 they are one-sided margin tests at the full level.
 */
export function sidedLevels(levels: LookLevels, threshold: number): LookLevels {
  return threshold === 0 ? { ...levels, regression: levels.regression / 2 } : levels
}

/** Worst first: the verdict of several comparisons is the first of these any of them has. */
const SEVERITY: readonly Verdict[] = ['regression', 'inconclusive', 'improvement', 'unchanged']

/**
 * One verdict for several comparisons judged together, the phases of a run or the
 * benchmarks of report mode (docs/phases.md): `regression` if any regressed, else
 * `inconclusive` if any is undecided, else `improvement` if any improved, else
 * `unchanged`. An undecided comparison outranks an improvement, so the one verdict never
 * passes a check (`fail-on`) that one of its comparisons fails.
 */
export function overallVerdict(verdicts: readonly Verdict[]): Verdict {
  return SEVERITY.find(verdict => verdicts.includes(verdict)) ?? 'unchanged'
}

/** How bad a verdict is: 0 for a regression, the worst, up to 3 for unchanged. */
export function severity(verdict: Verdict): number {
  return SEVERITY.indexOf(verdict)
}

/** Whether a verdict fails the check under the `fail-on` setting. */
export type FailOn = 'regression' | 'regression-or-inconclusive' | 'never'

export function failsCheck(verdict: Verdict, failOn: FailOn): boolean {
  if (failOn === 'never') return false
  if (verdict === 'regression') return true
  return failOn === 'regression-or-inconclusive' && verdict === 'inconclusive'
}
