import { tabledAlphaStar } from './alpha-star-table'
import {
  calibrationKey,
  plausibleAlphaStar,
  type CalibrationRequest,
  type SpendingRule
} from './calibration-key'
import { informationFractions, type LookSize } from './looks'
import {
  crossingRate,
  simulateNullPaths,
  simulateNullPathsInTurns,
  type NullPaths
} from './null-paths'
import { boundary, hsdSpent, type Boundary } from './spending'

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
 * Where α* values computed before are kept between runs (the command line's cache
 * folder, the runner's tool cache): asked before computing, told after. What it gives
 * is used only when it is plausible for the target (`plausibleAlphaStar`).
 */
export interface AlphaStarCache {
  get(key: string): unknown
  set(key: string, alphaStar: number): void
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
 * The α* of `request` (`computeAlphaStar`), the cheapest way it is known: computed
 * before in this process, in the committed table (`npm run design-table`), in
 * `cache`, or else computed now (seconds: README "How it decides") and told to `cache`.
 * One look needs none: its level is the target.
 */
export function calibratedAlpha(request: CalibrationRequest, cache?: AlphaStarCache): number {
  if (request.looks.length === 1) return request.target
  const key = calibrationKey(request)
  const known = knownAlphaStar(key, request.target, cache)
  if (known !== undefined) return known
  const alphaStar = computeAlphaStar(request)
  memo.set(key, alphaStar)
  cache?.set(key, alphaStar)
  return alphaStar
}

/** The α* of `key` if this process, the committed table or `cache` knows it. */
function knownAlphaStar(
  key: string,
  target: number,
  cache: AlphaStarCache | undefined
): number | undefined {
  const known = memo.get(key) ?? tabledAlphaStar(key) ?? cached(cache, key, target)
  if (known !== undefined) memo.set(key, known)
  return known
}

/**
 * Readies what `calibratedAlpha(request, cache)` would compute: when no α* is known, the
 * simulated paths (nearly all of its seconds), simulated in turns (`turn` between chunks,
 * as `simulateNullPathsInTurns`). `calibratedAlpha` then solves on them in milliseconds.
 */
export async function prepareCalibration(
  request: CalibrationRequest,
  cache: AlphaStarCache | undefined,
  turn: () => Promise<void>
): Promise<void> {
  const { looks, target, test } = request
  if (looks.length === 1 || knownAlphaStar(calibrationKey(request), target, cache) !== undefined) {
    return
  }
  const count = calibrationPaths(target)
  const key = pathsKey(looks, count, test)
  if (simulated.has(key)) return
  const paths: NullPaths[] = []
  for (const [index, ratio] of VARIANCE_RATIOS.entries()) {
    paths.push(
      await simulateNullPathsInTurns(looks, ratio, count, CALIBRATION_SEED + index, test, turn)
    )
  }
  remember(key, paths)
}

function cached(
  cache: AlphaStarCache | undefined,
  key: string,
  target: number
): number | undefined {
  const value = cache?.get(key)
  return plausibleAlphaStar(value, target) ? value : undefined
}

/**
 * The α* to spend by `rule` so that the simulated chance of crossing the boundary
 * at the worst case of the null (true change exactly at the margin) is `target` at the
 * worst of the variance ratios. Welch's test at 3 samples per group and tiny levels is
 * somewhat liberal, and a sequence of t-tests is not exactly the normal theory the
 * boundaries come from; α* absorbs both.
 */
export function computeAlphaStar(request: CalibrationRequest): number {
  const { looks, target, rule, test } = request
  const paths = nullPaths(looks, calibrationPaths(target), test)
  const rate = (alphaStar: number): number =>
    worstRate(paths, spendingLevels(looks, alphaStar, rule))
  return solve(rate, target)
}

const memo = new Map<string, number>()
const simulated = new Map<string, NullPaths[]>()

/** The simulated paths for these looks, shared by the regression and equivalence tests. */
function nullPaths(
  looks: readonly LookSize[],
  count: number,
  test: CalibrationRequest['test']
): NullPaths[] {
  const key = pathsKey(looks, count, test)
  let paths = simulated.get(key)
  if (paths === undefined) {
    paths = VARIANCE_RATIOS.map((ratio, index) =>
      simulateNullPaths(looks, ratio, count, CALIBRATION_SEED + index, test)
    )
    remember(key, paths)
  }
  return paths
}

function pathsKey(looks: readonly LookSize[], count: number, test: CalibrationRequest['test']) {
  return JSON.stringify([looks, count, test.detrend, test.statistic])
}

/** Paths take memory (a float per path and look); keep the last few designs' only. */
function remember(key: string, paths: NullPaths[]): void {
  if (simulated.size >= 4) simulated.delete(simulated.keys().next().value!)
  simulated.set(key, paths)
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
