import { tCdf } from '../tests/distributions'
import type { LookSize } from './looks'
import { lookFigures } from '../tests/look-figures'
import { SeededRandom } from './random'
import { PLAIN_TEST, type TestKind } from '../tests/test-kind'

/**
 * Simulated regression-test paths at the worst case of "no regression" (the candidate
 * slower by exactly the threshold), for calibrating a design (docs/how-it-decides.md).
 *
 * Scaling the baseline by 1 + δ turns the margin test into a plain Welch test of equal
 * means, so a path depends only on the look sizes and the variance ratio r = σc²/σb'².
 * Each group is simulated by sufficient statistics (batch means and chi-squared sums
 * of squares between looks), so the cost does not grow with the samples.
 */
export interface NullPaths {
  looks: number
  /** One-sided p-value of H1 "candidate slower", path-major: p[path·looks + look]. */
  p: Float64Array
}

/** Paths simulated between two turns of the caller's event loop (`simulateNullPathsInTurns`). */
const PATHS_PER_TURN = 1_000

export function simulateNullPaths(
  sizes: readonly LookSize[],
  varianceRatio: number,
  paths: number,
  seed: number,
  test: Pick<TestKind, 'statistic' | 'detrend'> = PLAIN_TEST
): NullPaths {
  const steps = nullPathSteps(sizes, varianceRatio, paths, seed, test)
  let step = steps.next()
  while (!step.done) step = steps.next()
  return step.value
}

/**
 * The same paths, awaiting `turn` after every thousand of them: the seconds a design
 * nobody computed before takes then leave the event loop free (a Ctrl-C is handled at
 * once), and a `turn` that throws stops the simulation there.
 */
export async function simulateNullPathsInTurns(
  sizes: readonly LookSize[],
  varianceRatio: number,
  paths: number,
  seed: number,
  test: Pick<TestKind, 'statistic' | 'detrend'>,
  turn: () => Promise<void>
): Promise<NullPaths> {
  const steps = nullPathSteps(sizes, varianceRatio, paths, seed, test)
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value
    await turn()
  }
}

/** The simulation, pausing (`yield`) after every `PATHS_PER_TURN` paths. */
function* nullPathSteps(
  sizes: readonly LookSize[],
  varianceRatio: number,
  paths: number,
  seed: number,
  test: Pick<TestKind, 'statistic' | 'detrend'>
): Generator<void, NullPaths, void> {
  const random = new SeededRandom(seed)
  const looks = sizes.length
  const p = new Float64Array(paths * looks)
  const simulatePath =
    test.detrend || test.statistic !== 'mean'
      ? samplePath(sizes, varianceRatio, test)
      : runningPath(sizes, varianceRatio)
  for (let path = 0; path < paths; path++) {
    simulatePath(random, p.subarray(path * looks, (path + 1) * looks))
    if ((path + 1) % PATHS_PER_TURN === 0) yield
  }
  return { looks, p }
}

/** One path of the plain test into `p` (one p per look), from sufficient statistics. */
function runningPath(
  sizes: readonly LookSize[],
  varianceRatio: number
): (random: SeededRandom, p: Float64Array) => void {
  return (random, p) => {
    const baseline = new RunningGroup(1)
    const candidate = new RunningGroup(Math.sqrt(varianceRatio))
    for (let k = 0; k < sizes.length; k++) {
      baseline.grow(sizes[k]!.baseline, random)
      candidate.grow(sizes[k]!.candidate, random)
      p[k] = upperTailP(baseline, candidate)
    }
  }
}

/**
 * One path of a test that needs whole samples: a trend's removal needs each one's
 * position (a linear trend cancels exactly, so the null paths need none), trimming
 * needs their order. Each look is tested as `lookFigures` tests it, without a floor
 * (the floor only widens a look's spread, so leaving it out is on the safe side).
 */
function samplePath(
  sizes: readonly LookSize[],
  varianceRatio: number,
  test: Pick<TestKind, 'statistic' | 'detrend'>
): (random: SeededRandom, p: Float64Array) => void {
  const last = sizes[sizes.length - 1]!
  const sd = Math.sqrt(varianceRatio)
  return (random, p) => {
    const baseline = Array.from({ length: last.baseline }, () => random.normal())
    const candidate = Array.from({ length: last.candidate }, () => sd * random.normal())
    for (let k = 0; k < sizes.length; k++) {
      const { figures } = lookFigures(baseline, candidate, sizes[k]!, 0, {
        ...test,
        spreadFloor: null
      })
      p[k] = figures.pRegression
    }
  }
}

/** A group's running mean and sum of squared deviations, grown a batch at a time. */
class RunningGroup {
  n = 0
  mean = 0
  squares = 0

  constructor(private readonly sd: number) {}

  grow(to: number, random: SeededRandom): void {
    const m = to - this.n
    if (m <= 0) return
    const batchMean = (this.sd / Math.sqrt(m)) * random.normal()
    const batchSquares = this.sd * this.sd * random.chiSquared(m - 1)
    const delta = batchMean - this.mean
    this.squares += batchSquares + ((this.n * m) / to) * delta * delta
    this.mean += (m / to) * delta
    this.n = to
  }
}

function upperTailP(baseline: RunningGroup, candidate: RunningGroup): number {
  const a = candidate.squares / (candidate.n - 1) / candidate.n
  const b = baseline.squares / (baseline.n - 1) / baseline.n
  const df = (a + b) ** 2 / ((a * a) / (candidate.n - 1) + (b * b) / (baseline.n - 1))
  return tCdf(-(candidate.mean - baseline.mean) / Math.sqrt(a + b), df)
}

/** The share of paths whose p falls below some look's level. */
export function crossingRate(paths: NullPaths, levels: readonly number[]): number {
  let crossed = 0
  const count = paths.p.length / paths.looks
  for (let path = 0; path < count; path++) {
    for (let k = 0; k < paths.looks; k++) {
      if (paths.p[path * paths.looks + k]! < levels[k]!) {
        crossed++
        break
      }
    }
  }
  return crossed / count
}
