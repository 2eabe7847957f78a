import { calibratedAlpha, spendingLevels } from './calibrate'
import { placeLooks, type LookSize } from './looks'

/** HSD γ of the regression and improvement tests: little spent at the first looks. */
const REGRESSION_GAMMA = -3
/**
 * HSD γ of each side of the equivalence test: more of it early than for regression, so
 * runs that changed nothing stop sooner (A/A at CV 2%: 6.4 samples per group, not 6.8).
 */
const EQUIVALENCE_GAMMA = -1

/** How one kind of test spends its alpha over the looks. */
export interface Spending {
  function: 'hwang-shih-decani'
  gamma: number
  /** The error rate the test keeps to: alpha, or alpha/m in a family of m. */
  target: number
  /** What the boundaries spend so that the simulated rate is `target` (calibrated). */
  alphaStar: number
}

/** A sequential design as the results file records it, so report mode can replay it. */
export interface Design {
  /** Planned looks, samples per group at each. */
  looks: LookSize[]
  /** How many benchmarks (or phases) are judged together; regression spends alpha/m. */
  familySize: number
  /** Regression and improvement (each one-sided). */
  regression: Spending
  /** Each side of the two one-sided tests of `unchanged`; keeps alpha in a family. */
  equivalence: Spending
  /** Whether a common linear run-order trend is removed before the tests (its own α*). */
  detrend: boolean
}

/** Nominal levels of every look: one for regression and improvement, one for equivalence. */
export interface LookLevels {
  regression: number
  equivalence: number
}

/**
 * The design for `looks` at `alpha` in a family of `familySize`: a run that is one of
 * m spends alpha/m on regression and improvement from its first look (README
 * "How it decides"), so the chance of any false regression among the m stays at most
 * alpha; equivalence keeps alpha. Report mode replays a run's recorded `gammas`.
 */
export function planDesign(
  looks: readonly LookSize[],
  alpha: number,
  familySize = 1,
  gammas = { regression: REGRESSION_GAMMA, equivalence: EQUIVALENCE_GAMMA },
  detrend = false
): Design {
  const spending = (gamma: number, target: number): Spending => ({
    function: 'hwang-shih-decani',
    gamma,
    target,
    alphaStar: calibratedAlpha(looks, target, gamma, detrend)
  })
  return {
    looks: looks.map(look => ({ ...look })),
    familySize,
    regression: spending(gammas.regression, alpha / familySize),
    equivalence: spending(gammas.equivalence, alpha),
    detrend
  }
}

/** The levels of each look of a design; one look has exactly its targets. */
export function designLevels(design: Design): LookLevels[] {
  const regression = spendingLevels(
    design.looks,
    design.regression.alphaStar,
    design.regression.gamma
  )
  const equivalence = spendingLevels(
    design.looks,
    design.equivalence.alphaStar,
    design.equivalence.gamma
  )
  return regression.map((level, k) => ({ regression: level, equivalence: equivalence[k]! }))
}

/** The design of a run: `samples` per group, at most `looks` looks placed by `placeLooks`. */
export function planRun(options: {
  alpha: number
  samples: number
  looks: number
  familySize?: number
  detrend?: boolean
}): Design {
  const counts = { baseline: options.samples, candidate: options.samples }
  return planDesign(
    placeLooks(counts, options.looks),
    options.alpha,
    options.familySize ?? 1,
    undefined,
    options.detrend ?? false
  )
}
