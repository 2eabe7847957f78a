import { holmAdjust } from './holm'
import { welchFigures } from './margin-tests'
import { lookLevels, lookSampleSizes, obrienFlemingSpent, spendingLevels } from './spending'
import { summarize } from './summary'

/** How one benchmark was run and what its regression test saw at each look it made. */
export interface SequentialPath {
  /** Planned samples per group and planned looks of the run. */
  samples: number
  looks: number
  /** pRegression at each look the run made, in order (the last is where it stopped). */
  pValues: number[]
}

/** pRegression at the looks a run made, replayed from its times. */
export function regressionPath(
  baseline: readonly number[],
  candidate: readonly number[],
  design: { samples: number; looks: number; threshold: number; looksMade: number }
): number[] {
  return lookSampleSizes(design.samples, design.looks)
    .slice(0, design.looksMade)
    .map(n => {
      const b = Math.min(n, baseline.length)
      const c = Math.min(n, candidate.length)
      return welchFigures(
        summarize(baseline.slice(0, b)),
        summarize(candidate.slice(0, c)),
        design.threshold
      ).pRegression
    })
}

const SEARCH_STEPS = 30
// Below this the grid integration of later looks loses its boundaries; smaller
// sequential p-values are reported as this bound (still valid: a p-value may be larger).
const SMALLEST = 1e-30
const LARGEST = 0.5

/**
 * The smallest alpha at which the run's sequential regression test would have
 * rejected on the path it took: min over its looks k of the α' whose nominal level
 * at look k equals p_k. A smaller α' makes every boundary stricter, so the α' test
 * follows the same path up to where this run stopped; the value is therefore a valid
 * p-value (P(p ≤ a) ≤ a under H0), and for a single look it is the plain p.
 */
export function sequentialPValue(path: SequentialPath): number {
  if (path.looks === 1) return path.pValues[0] ?? 1
  const fractions = lookSampleSizes(path.samples, path.looks).map(n => n / path.samples)
  return Math.min(
    1,
    ...path.pValues.map((p, k) => {
      if (k === 0) return firstLookAlpha(p, fractions[0]!)
      const levelAt = (alpha: number) => spendingLevels(alpha, fractions.slice(0, k + 1))[k]!
      return invertIncreasing(levelAt, p)
    })
  )
}

/** α(t) = 2 − 2Φ(z₁₋α/₂/√t) inverted for the first look, where the level is α(t₁). */
function firstLookAlpha(p: number, fraction: number): number {
  return invertIncreasing(alpha => obrienFlemingSpent(alpha, fraction), p)
}

/**
 * The α' with level(α') = p for an increasing level, by bisection on log α'. Alpha is
 * at most 0.5 (SPEC §2); a p beyond that level gets 1, a conservative p-value.
 */
function invertIncreasing(level: (alpha: number) => number, p: number): number {
  if (p >= level(LARGEST)) return 1
  let low = Math.log(SMALLEST)
  let high = Math.log(LARGEST)
  if (p <= level(Math.exp(low))) return SMALLEST
  for (let i = 0; i < SEARCH_STEPS; i++) {
    const middle = (low + high) / 2
    if (level(Math.exp(middle)) < p) low = middle
    else high = middle
  }
  return Math.exp(high)
}

/**
 * Holm–Bonferroni over benchmarks: the adjusted sequential p-values of their
 * regression tests. A benchmark is a regression of the family when its adjusted
 * p is below alpha, so the chance of any false regression across all of them
 * stays at most alpha.
 */
export function familyAdjusted(paths: readonly SequentialPath[]): number[] {
  return holmAdjust(paths.map(sequentialPValue))
}

/**
 * Which benchmarks are regressions of the family at `alpha`, by Holm's step-down
 * procedure: while some of the r benchmarks left would reject at α/r, reject them.
 * "Would reject at α/r" replays the benchmark's own sequential test at that alpha
 * on the looks it made, which is exactly "its sequential p-value ≤ α/r", without
 * inverting the spending function (so simulations stay fast).
 */
export function holmRegressions(paths: readonly SequentialPath[], alpha: number): boolean[] {
  const rejected = paths.map(() => false)
  for (;;) {
    const left = paths.map((_, index) => index).filter(index => !rejected[index])
    const level = alpha / left.length
    const now = left.filter(index => rejectsAt(paths[index]!, level))
    if (now.length === 0) return rejected
    for (const index of now) rejected[index] = true
  }
}

function rejectsAt(path: SequentialPath, alpha: number): boolean {
  const levels = lookLevels(alpha, path.samples, path.looks)
  return path.pValues.some((p, k) => p < levels[k]!)
}
