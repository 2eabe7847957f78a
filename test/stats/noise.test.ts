import { describe, expect, it } from 'vitest'
import { planRun } from '../../src/stats/design/design'
import { normalQuantile } from '../../src/stats/tests/distributions'
import { noiseProfile } from '../../src/stats/describe/noise'
import { fittingStatistic, samplesForThreshold, smallestCaught } from '../../src/stats/power/reach'
import { Random } from '../helpers/random'

/** n values of N(1, cv²) at evenly spaced quantiles: noise without sampling luck. */
const evenNormal = (n: number, cv: number) =>
  Array.from({ length: n }, (_, i) => 1 + cv * normalQuantile((i + 0.5) / n))
/** Splits a run-order series into the groups' samples as AB, BA, … interleaves them. */
function groups(series: readonly number[]) {
  const baseline: number[] = []
  const candidate: number[] = []
  for (let pair = 0; pair < series.length / 2; pair++) {
    const [first, second] = [series[2 * pair]!, series[2 * pair + 1]!]
    const [toBaseline, toCandidate] = pair % 2 === 0 ? [first, second] : [second, first]
    baseline.push(toBaseline)
    candidate.push(toCandidate)
  }
  return [baseline, candidate] as const
}

describe('the noise of an A/A run', () => {
  it('reads a linear slow-down in run order as drift and autocorrelation', () => {
    const series = Array.from({ length: 40 }, (_, t) => 1 + (0.1 * t) / 39)
    const profile = noiseProfile(...groups(series))
    expect(profile.drift).toBeCloseTo(0.1 / 1.05, 6)
    expect(profile.autocorrelation).toBeGreaterThan(0.8)
  })

  it('tells two modes from one, and counts spikes', () => {
    const random = new Random(3)
    const modes = Array.from(
      { length: 40 },
      () => (random.uniform() < 0.5 ? 1 : 1.1) * random.normal(1, 0.005)
    )
    expect(noiseProfile(...groups(modes)).clustered).toBe(true)
    const one = noiseProfile(...groups(evenNormal(40, 0.05)))
    expect(one.clustered).toBe(false)
    expect(one.cv).toBeCloseTo(0.05, 2)
    expect(Math.abs(one.skew)).toBeLessThan(1e-9)
    expect(one.outliers).toBe(0)
    const spiky = evenNormal(40, 0.01).map((x, i) => (i === 7 || i === 30 ? 1.8 * x : x))
    const profile = noiseProfile(...groups(spiky))
    expect(profile.outliers).toBe(0.05)
    expect(profile.skew).toBeGreaterThan(2)
    expect(fittingStatistic(profile)).toBe('trimmed')
    expect(fittingStatistic({ ...profile, clustered: true })).toBe('mean')
    expect(fittingStatistic(one)).toBe('mean')
  })
})

describe('what a runner can promise', () => {
  const design = planRun({ alpha: 0.05, samples: 20, looks: 10 })
  const options = { design, alpha: 0.05, threshold: 0.05 }

  it('finds the slowdowns the design catches on normal noise at CV 5%, as validate does', () => {
    // validate: +10% at CV 5% is flagged in 88% of runs, so 80% is reached a little below.
    const pool = evenNormal(40, 0.05)
    const at80 = smallestCaught(pool, { ...options, power: 0.8 })!
    const at95 = smallestCaught(pool, { ...options, power: 0.95 })!
    expect(at80).toBeGreaterThan(0.07)
    expect(at80).toBeLessThan(0.1)
    expect(at95).toBeGreaterThan(at80)
    expect(smallestCaught(evenNormal(40, 3), { ...options, power: 0.8 })).toBeNull()
  })

  it('asks four times the samples for twice the noise', () => {
    const few = samplesForThreshold(0.04, 0.05, design)
    const many = samplesForThreshold(0.08, 0.05, design)
    expect(many / few).toBeGreaterThan(3.5)
    expect(many / few).toBeLessThan(4.5)
    expect(samplesForThreshold(0.04, 0.1, design)).toBeLessThan(few)
  })
})
