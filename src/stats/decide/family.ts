import { spendingBoundary } from '../design/calibrate'
import { designLevels, type Design } from '../design/design'
import { holmAdjust } from './holm'
import { lookFigures } from '../tests/look-figures'
import { upperQuantile } from '../design/spending'
import type { TestKind } from '../tests/test-kind'
import type { Comparison } from '../types'

/** A benchmark of a family: its design and its regression test's p at each look it made. */
export interface SequentialPath {
  design: Design
  /** pRegression at each look the analysis made, in order (the last is where it stopped). */
  pValues: number[]
}

/**
 * The stage-wise-ordering p-value of a run's sequential regression test (Jennison &
 * Turnbull, 2000, §8.4): for a first crossing at look k with nominal p_k,
 * p = α(t_{k−1}) + P₀(no earlier crossing, Z_k ≥ Φ⁻¹(1 − p_k)); a run that never
 * crossed gets 1. It is below the design's target exactly when the run crossed, and a
 * run stopped at an early look with a tiny p keeps a tiny p, so Holm's adjustment does
 * not lose it. The normal theory gives these probabilities for the spent α*; they are
 * scaled by target/α*, which the calibration found to be the real ratio, so a crossing
 * anywhere gives at most the target.
 */
export function stageWisePValue(path: SequentialPath): number {
  const { design, pValues } = path
  const levels = designLevels(design)
  const k = pValues.findIndex((p, look) => p < levels[look]!.regression)
  if (k < 0) return 1
  if (design.looks.length === 1) return pValues[0]!
  const { alphaStar, target } = design.regression
  const spent = spendingBoundary(design.looks, alphaStar, design.regression)
  const before = spent.spentBefore(k)
  const beyond = spent.beyond(k, upperQuantile(pValues[k]!))
  return Math.min(1, ((before + beyond) * target) / alphaStar)
}

/**
 * Holm–Bonferroni over the benchmarks' stage-wise p-values: the adjusted p of each, and
 * whether it is a regression of the family at `alpha` (adjusted p below alpha). The
 * chance of any false regression across all of them stays at most alpha. Runs that
 * knew they were one of m (design at alpha/m) cross with p ≤ alpha/m, so they keep
 * their regressions; runs planned alone lose those found after the first look.
 */
export function familyRegressions(
  paths: readonly SequentialPath[],
  alpha: number
): { pAdjusted: number[]; regression: boolean[] } {
  const pAdjusted = holmAdjust(paths.map(stageWisePValue))
  return { pAdjusted, regression: pAdjusted.map(p => p < alpha) }
}

/** A comparison of a family, with the path of its regression test over the looks it made. */
export interface FamilyMember {
  comparison: Comparison
  path: SequentialPath
}

/**
 * Judges comparisons as one family: Holm over their stage-wise p-values. A regression
 * that is not one of the family at `alpha` becomes `inconclusive`, with `why(pAdjusted)`
 * as its warning. Returns the adjusted p of each, in order.
 */
export function adjustFamily(
  members: readonly FamilyMember[],
  alpha: number,
  why: (pAdjusted: number) => string
): number[] {
  const family = familyRegressions(
    members.map(member => member.path),
    alpha
  )
  members.forEach(({ comparison }, index) => {
    if (comparison.verdict === 'regression' && !family.regression[index]) {
      comparison.verdict = 'inconclusive'
      comparison.warnings.push(why(family.pAdjusted[index]!))
    }
  })
  return family.pAdjusted
}

/** pRegression at the looks an analysis made (their sizes), replayed from the times. */
export function regressionPath(
  baseline: readonly number[],
  candidate: readonly number[],
  looks: readonly { baseline: number; candidate: number }[],
  threshold: number,
  test: TestKind
): number[] {
  return looks.map(
    look => lookFigures(baseline, candidate, look, threshold, test).figures.pRegression
  )
}
