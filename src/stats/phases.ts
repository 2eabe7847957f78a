/**
 * The phases of a run judged as one family (docs/phases.md): every phase is its own
 * comparison, all planned with one design that spends alpha/m on regression and
 * improvement from its first look, m = phases × family-size, so the chance of any false
 * regression across them stays at most alpha while each keeps its early stop.
 */
import { analyse, type Analysis } from './analyse'
import type { AlphaStarCache } from './design/calibrate'
import { planRun, type Design, type RunPlan } from './design/design'
import { familyRegressions, regressionPath } from './decide/family'
import type { Verdict } from './types'
import { overallVerdict } from './decide/verdict'

/** The samples of one phase so far, in run order. */
export interface PhaseSamples {
  baseline: readonly number[]
  candidate: readonly number[]
}

/** What the design of a run timing `phases` phases is planned from. */
export interface PhasesPlan extends RunPlan {
  phases: number
}

/** The phases of a run are one family, times the benchmarks it is judged with. */
export function phasesRunPlan({ phases, familySize = 1, ...rest }: PhasesPlan): RunPlan {
  return { ...rest, familySize: phases * familySize }
}

/** The design every phase of a run shares: a member of a family of phases × family-size. */
export function planPhases(options: PhasesPlan & { cache?: AlphaStarCache }): Design {
  const { cache, ...plan } = options
  return planRun({ ...phasesRunPlan(plan), cache })
}

export interface PhaseFamily {
  /** Each phase's analysis, in the order given. */
  analyses: Analysis[]
  /** Each phase's regression p, Holm-adjusted over the run's phases (stage-wise p-values). */
  pAdjusted: number[]
  /** The verdict of all phases together: the step's verdict. */
  verdict: Verdict
}

/** One comparison of a family: its samples, the design it was planned with, its names. */
export interface FamilyMember extends PhaseSamples {
  design: Design
  names?: { baseline: string; candidate: string }
}

/**
 * Analyses each phase with the shared design, and adjusts their regression tests for
 * being tested together, for the report (Holm over stage-wise p-values). The verdicts
 * stand as each phase's design decided them: planned at alpha/m from the first look, the
 * phases keep any false regression among them within alpha without Holm, whose adjusted p
 * of a phase that crossed is at most alpha/family-size anyway.
 */
export function analysePhases(
  phases: readonly PhaseSamples[],
  options: { alpha: number; threshold: number; design: Design }
): PhaseFamily {
  const { design, ...policy } = options
  return analyseFamily(
    phases.map(phase => ({ ...phase, design })),
    policy
  )
}

/**
 * Analyses the members of a family, each with its own design (a sweep's candidates may
 * hold different sample counts), and adjusts their regression tests as `analysePhases`.
 */
export function analyseFamily(
  members: readonly FamilyMember[],
  options: { alpha: number; threshold: number }
): PhaseFamily {
  const { alpha, threshold } = options
  const analyses = members.map(({ baseline, candidate, design, names }) =>
    analyse(baseline, candidate, { alpha, threshold, design, ...(names ? { names } : {}) })
  )
  const paths = analyses.map(({ comparison }, index) => {
    const { baseline, candidate, design } = members[index]!
    const pValues = regressionPath(baseline, candidate, comparison.looks, threshold, design)
    return { design, pValues }
  })
  return {
    analyses,
    pAdjusted: familyRegressions(paths, alpha).pAdjusted,
    verdict: overallVerdict(analyses.map(({ comparison }) => comparison.verdict))
  }
}
