import { describe, expect, it } from 'vitest'
import { analyse } from '../../src/stats/analyse'
import { planDesign, planRun, type Design } from '../../src/stats/design/design'
import { placeLooks } from '../../src/stats/design/looks'
import type { Verdict } from '../../src/stats/types'
import { experimentTimes } from '../helpers/experiments'
import { Random } from '../helpers/random'

const ALPHA = 0.05
const THRESHOLD = 0.05
const DEFAULT = planRun({ alpha: ALPHA, samples: 20, looks: 10 })

/** alpha + 3 standard errors of a rate measured over `count` repetitions. */
const limit = (count: number) => ALPHA + 3 * Math.sqrt((ALPHA * (1 - ALPHA)) / count)

interface Outcome {
  rate: (verdict: Verdict) => number
  samples: number
}

/** Seeded repetitions of `draw`, analysed with `design`. */
function simulate(
  design: Design,
  draw: (random: Random) => [number[], number[]],
  count: number,
  seed: number
): Outcome {
  const random = new Random(seed)
  const verdicts: Verdict[] = []
  let samples = 0
  for (let i = 0; i < count; i++) {
    const [baseline, candidate] = draw(random)
    const { comparison } = analyse(baseline, candidate, {
      alpha: ALPHA,
      threshold: THRESHOLD,
      design
    })
    verdicts.push(comparison.verdict)
    samples += comparison.samples
  }
  return {
    rate: verdict => verdicts.filter(v => v === verdict).length / count,
    samples: samples / count
  }
}

/** Normal samples around 60 s: `cv` of the baseline, the candidate slower by `change`. */
function normal(cv: number, change: number, varianceRatio = 1, counts = { b: 20, c: 20 }) {
  return (random: Random): [number[], number[]] => [
    random.normals(counts.b, 60, 60 * cv),
    random.normals(counts.c, 60 * (1 + change), 60 * cv * Math.sqrt(varianceRatio))
  ]
}

describe('the default design (looks at 3, 4, 5, 6, 8, 10, 13, 16, 20 samples per group)', () => {
  // The old design (4 even looks, O'Brien–Fleming) needed 5 and 10 samples here.
  it('decides the seed 3× difference at the first look, 3 samples per group', () => {
    const control = experimentTimes('parallelism-fix.json', 'control')
    const fix = experimentTimes('parallelism-fix.json', 'fix')
    const resample = (random: Random, times: number[]) =>
      Array.from({ length: 20 }, () => random.pick(times))
    const outcome = simulate(DEFAULT, r => [resample(r, control), resample(r, fix)], 300, 41)
    expect(outcome.rate('improvement')).toBe(1)
    expect(outcome.samples).toBe(3)
  })

  it('calls A/A at CV 2% unchanged within 6.5 samples per group on average', () => {
    const outcome = simulate(DEFAULT, normal(0.02, 0), 400, 42)
    expect(outcome.rate('unchanged')).toBe(1)
    expect(outcome.samples).toBeLessThanOrEqual(6.5)
  })

  it('catches +25% at CV 5% within 5 samples per group on average', () => {
    const outcome = simulate(DEFAULT, normal(0.05, 0.25), 400, 43)
    expect(outcome.rate('regression')).toBe(1)
    expect(outcome.samples).toBeLessThanOrEqual(5)
  })

  it.each([
    ['1/3', 1 / 3, 44],
    ['1', 1, 45],
    ['3', 3, 46]
  ])('keeps false regressions at +δ within alpha, variance ratio %s', (_, varianceRatio, seed) => {
    const count = 4_000
    const outcome = simulate(DEFAULT, normal(0.05, THRESHOLD, varianceRatio), count, seed)
    expect(outcome.rate('regression')).toBeLessThanOrEqual(limit(count))
    // At the boundary of H0 the rate should be near alpha, not far below it.
    expect(outcome.rate('regression')).toBeGreaterThan(ALPHA / 2)
  })

  it('shows every unchanged verdict a ratio interval inside ±δ', () => {
    const random = new Random(47)
    for (let i = 0; i < 300; i++) {
      const [baseline, candidate] = normal(0.05, 0.02 * random.uniform())(random)
      const { comparison } = analyse(baseline, candidate, {
        alpha: ALPHA,
        threshold: THRESHOLD,
        design: DEFAULT
      })
      if (comparison.verdict !== 'unchanged') continue
      expect(comparison.ratio.ciLow!).toBeGreaterThan(1 - THRESHOLD)
      expect(comparison.ratio.ciHigh!).toBeLessThan(1 + THRESHOLD)
    }
  })
})

describe('the calibrated alpha*', () => {
  // A 10-vs-20 file replayed with looks: the smaller group has the larger variance,
  // the worst case for Welch's test at 3 samples. Uncalibrated, 6% false regressions.
  const looks = placeLooks({ baseline: 10, candidate: 20 }, 10)
  const draw = normal(0.05, THRESHOLD, 1 / 3, { b: 10, c: 20 })
  const count = 6_000

  it('keeps false regressions within alpha where Welch at 3 samples is liberal', () => {
    const outcome = simulate(planDesign(looks, ALPHA), draw, count, 48)
    expect(outcome.rate('regression')).toBeLessThanOrEqual(limit(count))
  })

  it('is needed: spending alpha itself there breaks the bound', () => {
    const calibrated = planDesign(looks, ALPHA)
    // Calibrated without the spread floor, which only widens the first looks' spread:
    // α* is what Welch's test itself needs.
    const uncalibrated: Design = {
      ...calibrated,
      spreadFloor: null,
      regression: { ...calibrated.regression, alphaStar: ALPHA }
    }
    expect(calibrated.regression.alphaStar).toBeLessThan(ALPHA * 0.95)
    const outcome = simulate(uncalibrated, draw, count, 48)
    expect(outcome.rate('regression')).toBeGreaterThan(limit(count))
  })
})
