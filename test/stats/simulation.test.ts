import { describe, expect, it } from 'vitest'
import { analyse } from '../../src/stats/analyse'
import { welchFigures } from '../../src/stats/margin-tests'
import { lookSampleSizes } from '../../src/stats/spending'
import { summarize } from '../../src/stats/summary'
import { Random } from '../helpers/random'

const ALPHA = 0.05
const THRESHOLD = 0.05
const SAMPLES = 20
const COMPARISONS = 20_000

/** Upper bound of the false-regression rate the test accepts: alpha + 3 standard errors. */
const LIMIT = ALPHA + 3 * Math.sqrt((ALPHA * (1 - ALPHA)) / COMPARISONS)

/** Pairs of groups whose true slowdown is exactly the threshold: the worst case of H0. */
function* boundaryCases(seed: number): Generator<[number[], number[]]> {
  const random = new Random(seed)
  for (let i = 0; i < COMPARISONS; i++) {
    const mean = 60 + 200 * random.uniform()
    const noise = mean * random.pick([0.005, 0.02, 0.05])
    const baseline = random.normals(SAMPLES, mean, noise)
    const candidate = random.normals(
      SAMPLES,
      mean * (1 + THRESHOLD),
      noise * random.pick([0.5, 1, 2])
    )
    yield [baseline, candidate]
  }
}

function falseRegressionRate(looks: number, seed: number): number {
  let regressions = 0
  for (const [baseline, candidate] of boundaryCases(seed)) {
    const { comparison } = analyse(baseline, candidate, {
      alpha: ALPHA,
      threshold: THRESHOLD,
      looks,
      samples: SAMPLES
    })
    if (comparison.verdict === 'regression') regressions++
  }
  return regressions / COMPARISONS
}

describe(`false regressions over ${COMPARISONS} comparisons at a true slowdown of exactly the threshold`, () => {
  it('stay within alpha with one look', () => {
    const rate = falseRegressionRate(1, 1)
    expect(rate).toBeLessThanOrEqual(LIMIT)
    // The boundary is the least favourable case: the rate should be near alpha, not 0.
    expect(rate).toBeGreaterThan(ALPHA / 2)
  })

  it('stay within alpha with four looks (alpha spending)', () => {
    expect(falseRegressionRate(4, 2)).toBeLessThanOrEqual(LIMIT)
  })

  it('would exceed alpha if every look used the full alpha (so the check can fail)', () => {
    let regressions = 0
    for (const [baseline, candidate] of boundaryCases(3)) {
      const hit = lookSampleSizes(SAMPLES, 4).some(
        n =>
          welchFigures(summarize(baseline.slice(0, n)), summarize(candidate.slice(0, n)), THRESHOLD)
            .pRegression < ALPHA
      )
      if (hit) regressions++
    }
    expect(regressions / COMPARISONS).toBeGreaterThan(LIMIT)
  })
})
