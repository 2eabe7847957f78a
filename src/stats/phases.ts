/**
 * The phases of a run judged as one family (README "Phases"): every phase is its own
 * comparison, all planned with one design that spends alpha/m on regression and
 * improvement from its first look, m = phases × family-size, so the chance of any false
 * regression across them stays at most alpha while each keeps its early stop.
 */
import { analyse, type Analysis } from './analyse'
import { planRun, type Design } from './design'
import { adjustFamily, regressionPath } from './family'
import type { Verdict } from './types'
import { overallVerdict } from './verdict'

/** The samples of one phase so far, in run order. */
export interface PhaseSamples {
  baseline: readonly number[]
  candidate: readonly number[]
}

/** The design every phase of a run shares: a member of a family of phases × family-size. */
export function planPhases(options: {
  alpha: number
  samples: number
  looks: number
  phases: number
  familySize?: number
  detrend?: boolean
}): Design {
  const { phases, familySize = 1, ...rest } = options
  return planRun({ ...rest, familySize: phases * familySize })
}

export interface PhaseFamily {
  /** Each phase's analysis, in the order given. */
  analyses: Analysis[]
  /** Each phase's regression p, Holm-adjusted over the run's phases (stage-wise p-values). */
  pAdjusted: number[]
  /** The verdict of all phases together: the step's verdict. */
  verdict: Verdict
}

/**
 * Analyses each phase with the shared design, then adjusts their regression tests for
 * being tested together. A phase that regressed at alpha/m always stays a regression of
 * the family (its stage-wise p is at most alpha/m); the adjusted p is what the report
 * shows beside the raw one.
 */
export function analysePhases(
  phases: readonly PhaseSamples[],
  options: { alpha: number; threshold: number; design: Design }
): PhaseFamily {
  const { alpha, threshold, design } = options
  const analyses = phases.map(({ baseline, candidate }) => analyse(baseline, candidate, options))
  const members = analyses.map(({ comparison }, index) => {
    const { baseline, candidate } = phases[index]!
    const pValues = regressionPath(baseline, candidate, comparison.looks, threshold, design.detrend)
    return { comparison, path: { design, pValues } }
  })
  const m = phases.length
  const pAdjusted = adjustFamily(
    members,
    alpha,
    p =>
      `A regression on its own, but not after adjusting for the ${m} phases tested together (Holm over stage-wise p-values, adjusted p = ${p.toPrecision(3)}).`
  )
  return {
    analyses,
    pAdjusted,
    verdict: overallVerdict(analyses.map(({ comparison }) => comparison.verdict))
  }
}
