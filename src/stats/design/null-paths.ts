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

export function simulateNullPaths(
  sizes: readonly LookSize[],
  varianceRatio: number,
  paths: number,
  seed: number,
  test: Pick<TestKind, 'statistic' | 'detrend'> = PLAIN_TEST
): NullPaths {
  if (test.detrend || test.statistic !== 'mean') {
    return simulateSamplePaths(sizes, varianceRatio, paths, seed, test)
  }
  const random = new SeededRandom(seed)
  const looks = sizes.length
  const p = new Float64Array(paths * looks)
  for (let path = 0; path < paths; path++) {
    const baseline = new RunningGroup(1)
    const candidate = new RunningGroup(Math.sqrt(varianceRatio))
    for (let k = 0; k < looks; k++) {
      baseline.grow(sizes[k]!.baseline, random)
      candidate.grow(sizes[k]!.candidate, random)
      p[path * looks + k] = upperTailP(baseline, candidate)
    }
  }
  return { looks, p }
}

/**
 * The same for tests that need whole samples: a trend's removal needs each one's
 * position (a linear trend cancels exactly, so the null paths need none), trimming
 * needs their order. Each look is tested as `lookFigures` tests it, without a floor
 * (the floor only widens a look's spread, so leaving it out is on the safe side).
 */
function simulateSamplePaths(
  sizes: readonly LookSize[],
  varianceRatio: number,
  paths: number,
  seed: number,
  test: Pick<TestKind, 'statistic' | 'detrend'>
): NullPaths {
  const random = new SeededRandom(seed)
  const looks = sizes.length
  const last = sizes[looks - 1]!
  const p = new Float64Array(paths * looks)
  const sd = Math.sqrt(varianceRatio)
  for (let path = 0; path < paths; path++) {
    const baseline = Array.from({ length: last.baseline }, () => random.normal())
    const candidate = Array.from({ length: last.candidate }, () => sd * random.normal())
    for (let k = 0; k < looks; k++) {
      const { figures } = lookFigures(baseline, candidate, sizes[k]!, 0, {
        ...test,
        spreadFloor: null
      })
      p[path * looks + k] = figures.pRegression
    }
  }
  return { looks, p }
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
