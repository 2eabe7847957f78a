import { describe, expect, it } from 'vitest'
import { analyse } from '../../src/stats/analyse'
import {
  familyAdjusted,
  holmRegressions,
  regressionPath,
  sequentialPValue,
  type SequentialPath
} from '../../src/stats/family'
import { lookLevels } from '../../src/stats/spending'
import { Random } from '../helpers/random'

const ALPHA = 0.05
const THRESHOLD = 0.05
const SAMPLES = 20
const BENCHMARKS = 10
const REPETITIONS = 2_000
const LIMIT = ALPHA + 3 * Math.sqrt((ALPHA * (1 - ALPHA)) / REPETITIONS)

/** One benchmark whose true slowdown is by default exactly the threshold (the worst case of H0). */
function boundaryBenchmark(
  random: Random,
  looks: number,
  slowdown = THRESHOLD
): SequentialPath & { verdict: string } {
  const mean = 50 + 100 * random.uniform()
  const baseline = random.normals(SAMPLES, mean, mean * 0.02)
  const candidate = random.normals(SAMPLES, mean * (1 + slowdown), mean * 0.02)
  const { comparison } = analyse(baseline, candidate, {
    alpha: ALPHA,
    threshold: THRESHOLD,
    looks,
    samples: SAMPLES
  })
  const pValues = regressionPath(baseline, candidate, {
    samples: SAMPLES,
    looks,
    threshold: THRESHOLD,
    looksMade: comparison.looks.length
  })
  return { samples: SAMPLES, looks, pValues, verdict: comparison.verdict }
}

function familyWiseRates(looks: number, seed: number): { adjusted: number; unadjusted: number } {
  const random = new Random(seed)
  let adjusted = 0
  let unadjusted = 0
  for (let i = 0; i < REPETITIONS; i++) {
    const family = Array.from({ length: BENCHMARKS }, () => boundaryBenchmark(random, looks))
    if (family.some(benchmark => benchmark.verdict === 'regression')) unadjusted++
    if (holmRegressions(family, ALPHA).some(Boolean)) adjusted++
  }
  return { adjusted: adjusted / REPETITIONS, unadjusted: unadjusted / REPETITIONS }
}

describe(`ten A/A benchmarks at the threshold, ${REPETITIONS} repetitions`, () => {
  it('keep the family-wise false-regression rate within alpha with Holm, one look', () => {
    const rates = familyWiseRates(1, 21)
    expect(rates.adjusted).toBeLessThanOrEqual(LIMIT)
    // Without the adjustment one of ten false alarms is likely: the test can fail.
    expect(rates.unadjusted).toBeGreaterThan(LIMIT)
  })

  it('keep it within alpha with Holm over sequential p-values, four looks', () => {
    const rates = familyWiseRates(4, 22)
    expect(rates.adjusted).toBeLessThanOrEqual(LIMIT)
    expect(rates.unadjusted).toBeGreaterThan(LIMIT)
  })
})

describe('sequential p-values', () => {
  it('are the plain p for one look', () => {
    expect(sequentialPValue({ samples: 20, looks: 1, pValues: [0.0123] })).toBe(0.0123)
  })

  it('equal alpha exactly when a look’s p equals its nominal level', () => {
    const levels = lookLevels(0.05, 20, 4)
    for (let k = 0; k < 4; k++) {
      const pValues = [...Array(k).fill(0.9), levels[k]!]
      expect(sequentialPValue({ samples: 20, looks: 4, pValues })).toBeCloseTo(0.05, 6)
    }
  })

  it('agree with the replayed Holm decisions', () => {
    const random = new Random(5)
    // Few families: each sequential p-value inverts the spending function numerically.
    let rejections = 0
    for (let i = 0; i < 6; i++) {
      const family = [0.05, 0.08, 0.12].map(slowdown => boundaryBenchmark(random, 4, slowdown))
      const decisions = holmRegressions(family, ALPHA)
      rejections += decisions.filter(Boolean).length
      familyAdjusted(family).forEach((p, index) => expect(p < ALPHA).toBe(decisions[index]))
    }
    // Both outcomes occur, so the agreement means something.
    expect(rejections).toBeGreaterThan(0)
    expect(rejections).toBeLessThan(18)
  })
})

describe('holmRegressions', () => {
  const single = (p: number): SequentialPath => ({ samples: 10, looks: 1, pValues: [p] })
  it('steps down: 0.01 < 0.05/3, then 0.02 < 0.05/2, then 0.04 < 0.05', () => {
    expect(holmRegressions([0.04, 0.01, 0.02].map(single), 0.05)).toEqual([true, true, true])
  })
  it('stops at the first p above its step’s level', () => {
    expect(holmRegressions([0.04, 0.01, 0.03].map(single), 0.05)).toEqual([false, true, false])
  })
})
