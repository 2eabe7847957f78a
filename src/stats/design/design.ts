import { calibratedAlpha, spendingLevels, type AlphaStarCache } from './calibrate'
import type { CalibrationRequest, SpendingRule } from './calibration-key'
import { placeLooks, type LookSize } from './looks'
import type { SpreadFloor, Statistic, TestKind } from '../tests/test-kind'

/** HSD γ of the regression and improvement tests: little spent at the first looks. */
const REGRESSION_GAMMA = -3
/**
 * The same for Yuen's test of trimmed means, which spends even less early: at 5 and 6
 * samples it keeps only 3 and 4 of them, so the early looks are weak anyway, and what
 * they do not spend buys power at the end (outliers, +10%: 74% at γ = −3, 77% at −4).
 */
const TRIMMED_REGRESSION_GAMMA = -4
/**
 * HSD γ of each side of the equivalence test: spent early, from its first look at 6
 * samples, so runs that changed nothing stop there (A/A at CV 2%: 91% at 6).
 */
const EQUIVALENCE_GAMMA = 1
/**
 * Clustered timings (two modes, a cache hit or miss) make the first looks unreliable
 * (docs/how-it-decides.md): all of a group's n samples fall into one of two equally
 * likely modes with chance 2^(1−n), and the group then looks far tighter than it is.
 * Below 5 samples per group a group's spread counts as at least 2% of its mean, which
 * a 3× change clears at once and a cluster artefact does not (false regressions at +δ
 * 5.9% → 5.0% at within-mode CV 0.5%).
 */
const SPREAD_FLOOR: SpreadFloor = { share: 0.02, belowSamples: 5 }
/**
 * `unchanged` waits for 6 samples per group: two tight groups, each wholly in another
 * mode, are the same on every test, and 5 samples fall so 1 time in 1,024, as often as
 * `unchanged` may be said of a true 2δ (0.1%); 6 samples: 1 time in 4,096.
 */
const EQUIVALENCE_FROM_SAMPLES = 6

/** How one kind of test spends its alpha over the looks. */
export interface Spending extends SpendingRule {
  function: 'hwang-shih-decani'
  /** The error rate the test keeps to: alpha, or alpha/m in a family of m. */
  target: number
  /** What the boundaries spend so that the simulated rate is `target` (calibrated). */
  alphaStar: number
}

/** A sequential design as the results file records it, so report mode can replay it. */
export interface Design extends TestKind {
  /** Planned looks, samples per group at each. */
  looks: LookSize[]
  /** How many benchmarks (or phases) are judged together; regression spends alpha/m. */
  familySize: number
  /** Regression and improvement (each one-sided). */
  regression: Spending
  /** Each side of the two one-sided tests of `unchanged`; keeps alpha in a family. */
  equivalence: Spending
}

/** Nominal levels of every look: one for regression and improvement, one for equivalence. */
export interface LookLevels {
  regression: number
  equivalence: number
}

/** What a design is planned from besides its looks and alpha; a results file records it. */
export interface DesignChoices extends TestKind {
  familySize: number
  gammas: { regression: number; equivalence: number }
  /** The fewest samples per group at which each test may decide. */
  fromSamples: { regression: number; equivalence: number }
}

/** The choices of a run of this version; its γ follow from the statistic (`gammasFor`). */
const DEFAULT_CHOICES: Omit<DesignChoices, 'gammas'> = {
  familySize: 1,
  fromSamples: { regression: 0, equivalence: EQUIVALENCE_FROM_SAMPLES },
  statistic: 'mean',
  detrend: false,
  spreadFloor: SPREAD_FLOOR
}

/**
 * The design for `looks` at `alpha`: a run that is one of m (`familySize`) spends
 * alpha/m on regression and improvement from its first look (docs/how-it-decides.md),
 * so the chance of any false regression among the m stays at most alpha; equivalence
 * keeps alpha. Report mode replays a run's recorded choices. Each α* comes from `cache`
 * when it has it (`calibratedAlpha`).
 */
export function planDesign(
  looks: readonly LookSize[],
  alpha: number,
  choices: Partial<DesignChoices> = {},
  cache?: AlphaStarCache
): Design {
  const { familySize, statistic, detrend, spreadFloor } = { ...DEFAULT_CHOICES, ...choices }
  // One look is a fixed-size test the user chose, Welch's (or Yuen's) as it stands.
  const test: TestKind = { statistic, detrend, spreadFloor: looks.length > 1 ? spreadFloor : null }
  const spending = (request: CalibrationRequest): Spending => ({
    function: 'hwang-shih-decani',
    ...request.rule,
    target: request.target,
    alphaStar: calibratedAlpha(request, cache)
  })
  const calibrations = designCalibrations(looks, alpha, choices)
  return {
    looks: looks.map(look => ({ ...look })),
    familySize,
    regression: spending(calibrations.regression),
    equivalence: spending(calibrations.equivalence),
    ...test
  }
}

/** The calibrations of `planDesign`'s tests: regression and improvement's, equivalence's. */
export function designCalibrations(
  looks: readonly LookSize[],
  alpha: number,
  choices: Partial<DesignChoices> = {}
): Record<'regression' | 'equivalence', CalibrationRequest> {
  const { familySize, fromSamples, statistic, detrend } = { ...DEFAULT_CHOICES, ...choices }
  const gammas = choices.gammas ?? gammasFor(statistic)
  const request = (kind: 'regression' | 'equivalence', target: number): CalibrationRequest => ({
    looks,
    target,
    rule: { gamma: gammas[kind], fromSamples: fromSamples[kind] },
    test: { statistic, detrend }
  })
  return {
    regression: request('regression', alpha / familySize),
    equivalence: request('equivalence', alpha)
  }
}

function gammasFor(statistic: Statistic): DesignChoices['gammas'] {
  return {
    regression: statistic === 'trimmed' ? TRIMMED_REGRESSION_GAMMA : REGRESSION_GAMMA,
    equivalence: EQUIVALENCE_GAMMA
  }
}

/** The levels of each look of a design; one look has exactly its targets. */
export function designLevels(design: Design): LookLevels[] {
  const regression = spendingLevels(design.looks, design.regression.alphaStar, design.regression)
  const equivalence = spendingLevels(design.looks, design.equivalence.alphaStar, design.equivalence)
  return regression.map((level, k) => ({ regression: level, equivalence: equivalence[k]! }))
}

/** What a run's design is planned from: `samples` per group, at most `looks` looks. */
export interface RunPlan {
  alpha: number
  samples: number
  looks: number
  familySize?: number
  detrend?: boolean
  statistic?: Statistic
}

/** The design of a run, its looks placed by `placeLooks`. */
export function planRun(options: RunPlan & { cache?: AlphaStarCache }): Design {
  const { looks, alpha, choices } = runDesignInputs(options)
  return planDesign(looks, alpha, choices, options.cache)
}

/** The calibrations `planRun` needs for `options` (the committed table's entries). */
export function runCalibrations(options: RunPlan): CalibrationRequest[] {
  const { looks, alpha, choices } = runDesignInputs(options)
  return Object.values(designCalibrations(looks, alpha, choices))
}

/** The looks of a run's design, known at once (its α* may take seconds). */
export function runLooks(plan: Pick<RunPlan, 'samples' | 'looks'>): LookSize[] {
  return placeLooks({ baseline: plan.samples, candidate: plan.samples }, plan.looks)
}

function runDesignInputs(options: RunPlan) {
  return {
    looks: runLooks(options),
    alpha: options.alpha,
    choices: {
      familySize: options.familySize ?? 1,
      detrend: options.detrend ?? false,
      statistic: options.statistic ?? 'mean'
    }
  }
}
