import { informationFractions, type LookSize } from './looks'
import { crossingRate, simulateNullPaths, type NullPaths } from './null-paths'
import { boundary, hsdSpent, type Boundary } from './spending'
import type { TestKind } from './test-kind'

/**
 * Variance ratios the calibration guards: one group's variance 3× the other's, either
 * way round. Equal variances are never the worst case (Welch's test is then nearly
 * exact), so they need no paths of their own; `npm run validate` checks all three.
 */
const VARIANCE_RATIOS = [1 / 3, 3]
/**
 * Simulated paths per variance ratio: enough for about 2,000 crossings (2% relative
 * precision) at the target, within a budget that keeps a calibration to seconds.
 */
function calibrationPaths(target: number): number {
  return Math.min(100_000, Math.max(20_000, Math.ceil(2_000 / target)))
}
/** Fixed, so that every machine and every replay computes the same levels. */
const CALIBRATION_SEED = 20_231_028

/**
 * How a test spends: HSD(γ), deciding from the first look with at least `fromSamples`
 * per group (the last look, if none has), which spends all that HSD allows by then.
 */
export interface SpendingRule {
  gamma: number
  fromSamples: number
}

/** The first look that may decide under `rule`. */
function firstDeciding(looks: readonly LookSize[], rule: SpendingRule): number {
  const k = looks.findIndex(look => Math.min(look.baseline, look.candidate) >= rule.fromSamples)
  return k < 0 ? looks.length - 1 : k
}

/** Nominal one-sided levels of the looks when `alphaStar` is spent by `rule`. */
export function spendingLevels(
  looks: readonly LookSize[],
  alphaStar: number,
  rule: SpendingRule
): number[] {
  return looks.length === 1 ? [alphaStar] : spendingBoundary(looks, alphaStar, rule).levels
}

const boundaries = new Map<string, Boundary>()

/**
 * The boundary of `rule` spending `alphaStar` over the looks. Memoised: the
 * integration takes milliseconds and simulations ask thousands of times.
 */
export function spendingBoundary(
  looks: readonly LookSize[],
  alphaStar: number,
  rule: SpendingRule
): Boundary {
  const key = `${JSON.stringify(looks)}/${alphaStar}/${rule.gamma}/${rule.fromSamples}`
  let found = boundaries.get(key)
  if (found === undefined) {
    found = boundary(
      informationFractions(looks),
      t => hsdSpent(alphaStar, rule.gamma, t),
      firstDeciding(looks, rule)
    )
    if (boundaries.size > 1_000) boundaries.clear()
    boundaries.set(key, found)
  }
  return found
}

/**
 * The α* to spend by `rule` so that the simulated chance of crossing the boundary
 * at the worst case of the null (true change exactly at the margin) is `target` at the
 * worst of the variance ratios. Welch's test at 3 samples per group and tiny levels is
 * somewhat liberal, and a sequence of t-tests is not exactly the normal theory the
 * boundaries come from; α* absorbs both. One look needs none: its level is `target`.
 */
export function calibratedAlpha(
  looks: readonly LookSize[],
  target: number,
  rule: SpendingRule,
  test: TestKind
): number {
  if (looks.length === 1) return target
  const key = JSON.stringify([looks, target, rule, test.detrend, test.statistic])
  const known = cache.get(key)
  if (known !== undefined) return known
  const paths = nullPaths(looks, calibrationPaths(target), test)
  const rate = (alphaStar: number): number =>
    worstRate(paths, spendingLevels(looks, alphaStar, rule))
  const alphaStar = solve(rate, target)
  cache.set(key, alphaStar)
  return alphaStar
}

const cache = new Map<string, number>()
const simulated = new Map<string, NullPaths[]>()

/** The simulated paths for these looks, shared by the regression and equivalence tests. */
function nullPaths(looks: readonly LookSize[], count: number, test: TestKind): NullPaths[] {
  const key = JSON.stringify([looks, count, test.detrend, test.statistic])
  let paths = simulated.get(key)
  if (paths === undefined) {
    paths = VARIANCE_RATIOS.map((ratio, index) =>
      simulateNullPaths(looks, ratio, count, CALIBRATION_SEED + index, test)
    )
    // Paths take memory (a float per path and look); keep the last few designs only.
    if (simulated.size >= 4) simulated.delete(simulated.keys().next().value!)
    simulated.set(key, paths)
  }
  return paths
}

function worstRate(paths: readonly NullPaths[], levels: readonly number[]): number {
  return Math.max(...paths.map(simulated => crossingRate(simulated, levels)))
}

/**
 * α* with rate(α*) = target, for a rate that grows with α* about in proportion: a
 * few proportional steps, then bisection keeps the answer on the safe side.
 */
function solve(rate: (alphaStar: number) => number, target: number): number {
  let alphaStar = target
  for (let step = 0; step < 6; step++) {
    const ratio = target / rate(alphaStar)
    if (Math.abs(ratio - 1) < 1e-4) break
    alphaStar *= ratio
  }
  // Common random numbers make the rate a step function of α*; take the safe side.
  let low = alphaStar * 0.98
  let high = alphaStar * 1.02
  while (rate(low) > target) low *= 0.98
  if (rate(high) <= target) return high
  for (let i = 0; i < 12; i++) {
    const middle = (low + high) / 2
    if (rate(middle) <= target) low = middle
    else high = middle
  }
  return low
}
