import { analyse } from '../analyse'
import { designLevels, type Design } from '../design/design'
import { normalQuantile } from '../tests/distributions'
import type { NoiseProfile } from '../describe/noise'
import { SeededRandom } from '../design/random'
import type { Statistic } from '../tests/test-kind'

/** Simulated runs per power estimate: a standard error of 2 points at 80%. */
const RUNS = 400
/** Beyond this slowdown (4×) the answer is "more than anyone needs". */
const MOST = 3
/** Fixed, so that the same samples give the same answer every time. */
const SEED = 20_261_207

/**
 * The smallest slowdown the gate would flag as a regression in `power` of runs on this
 * runner (docs/cli.md "Calibrate"): runs of `design` are simulated by drawing both groups
 * from the A/A samples themselves (scaled to mean 1), the candidate's times slowed by
 * the trial slowdown, so skew, outliers and clusters count as they are. Null when not
 * even a 4× slowdown is flagged that often. Common random numbers make power a
 * step function of the slowdown, so bisection settles on the smallest that reaches it.
 */
export function smallestCaught(
  pool: readonly number[],
  options: { design: Design; alpha: number; threshold: number; power: number }
): number | null {
  const mean = pool.reduce((sum, x) => sum + x, 0) / pool.length
  const scaled = pool.map(x => x / mean)
  const samples = Math.max(...options.design.looks.map(look => look.baseline))
  const power = (slowdown: number): number => {
    const random = new SeededRandom(SEED)
    const draw = (factor: number) =>
      Array.from(
        { length: samples },
        () => factor * scaled[Math.floor(random.uniform() * scaled.length)]!
      )
    let flagged = 0
    for (let run = 0; run < RUNS; run++) {
      const { comparison } = analyse(draw(1), draw(1 + slowdown), options)
      if (comparison.verdict === 'regression') flagged++
    }
    return flagged / RUNS
  }
  if (power(MOST) < options.power) return null
  let low = options.threshold
  let high = MOST
  for (let step = 0; step < 14; step++) {
    const middle = (low + high) / 2
    if (power(middle) >= options.power) high = middle
    else low = middle
  }
  return high
}

/**
 * About how many samples per group flag a slowdown of twice the threshold with 80%
 * power at the last look's level of `design`: n = 2·((z₁₋ₗ + z₀.₈)·CV/δ)², the normal
 * approximation for a change δ beyond the margin δ.
 */
export function samplesForThreshold(cv: number, threshold: number, design: Design): number {
  const levels = designLevels(design)
  const level = levels[levels.length - 1]!.regression
  const z = normalQuantile(1 - level) + normalQuantile(0.8)
  return Math.max(3, Math.ceil(2 * ((z * cv) / threshold) ** 2))
}

/**
 * The statistic that fits the runner: Yuen's trimmed means when spikes are common
 * (2% of samples or more) and the timings are not clustered, where trimming misleads
 * (docs/how-it-decides.md "Statistic"); else the mean.
 */
export function fittingStatistic(profile: NoiseProfile): Statistic {
  return profile.outliers >= 0.02 && !profile.clustered ? 'trimmed' : 'mean'
}
