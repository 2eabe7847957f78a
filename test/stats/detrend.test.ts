import { describe, expect, it } from 'vitest'
import { interleavedOrder } from '../../src/bench/schedule/schedule'
import { analyse } from '../../src/stats/analyse'
import { planRun, type Design } from '../../src/stats/design/design'
import { detrended, interleavedPosition } from '../../src/stats/describe/detrend'
import type { Verdict } from '../../src/stats/types'
import { Random } from '../helpers/random'

const ALPHA = 0.05
const THRESHOLD = 0.05

/** A/A or +change samples in the run's interleaved order, on a runner drifting by `drift`. */
function drifting(random: Random, drift: number, change: number, varianceRatio = 1) {
  const baseline: number[] = []
  const candidate: number[] = []
  interleavedOrder(20).forEach((group, position) => {
    const level = 60 * (1 + (drift * position) / 40)
    if (group === 0) baseline.push(level * (1 + random.normal(0, 0.05)))
    else
      candidate.push(level * (1 + change) * (1 + Math.sqrt(varianceRatio) * random.normal(0, 0.05)))
  })
  return { baseline, candidate }
}

function rate(
  design: Design,
  verdict: Verdict,
  count: number,
  seed: number,
  draw: (r: Random) => ReturnType<typeof drifting>
) {
  const random = new Random(seed)
  let hits = 0
  for (let i = 0; i < count; i++) {
    const { baseline, candidate } = draw(random)
    const { comparison } = analyse(baseline, candidate, {
      alpha: ALPHA,
      threshold: THRESHOLD,
      design
    })
    if (comparison.verdict === verdict) hits++
  }
  return hits / count
}

describe('detrending', () => {
  it('knows the positions of the run’s counterbalanced order', () => {
    const order = interleavedOrder(7)
    const positions = (group: 0 | 1) =>
      order.flatMap((g, position) => (g === group ? [position] : []))
    expect(positions(0)).toEqual([0, 1, 2, 3, 4, 5, 6].map(i => interleavedPosition('baseline', i)))
    expect(positions(1)).toEqual(
      [0, 1, 2, 3, 4, 5, 6].map(i => interleavedPosition('candidate', i))
    )
  })

  it('removes a common linear trend exactly and keeps each group’s level', () => {
    const trend = (group: 'baseline' | 'candidate', level: number) =>
      Array.from({ length: 6 }, (_, i) => level + 0.5 * interleavedPosition(group, i))
    const { baseline, candidate } = detrended(trend('baseline', 10), trend('candidate', 12))
    expect(Math.max(...baseline) - Math.min(...baseline)).toBeLessThan(1e-12)
    expect(Math.max(...candidate) - Math.min(...candidate)).toBeLessThan(1e-12)
    expect(candidate[0]! - baseline[0]!).toBeCloseTo(2, 12)
  })

  const plain = planRun({ alpha: ALPHA, samples: 20, looks: 10 })
  const design = planRun({ alpha: ALPHA, samples: 20, looks: 10, detrend: true })

  it('has its own calibration', () => {
    expect(design.detrend).toBe(true)
    expect(design.regression.alphaStar).not.toBe(plain.regression.alphaStar)
  })

  it('turns a drifting runner’s A/A runs from inconclusive to unchanged', () => {
    const draw = (random: Random) => drifting(random, 0.2, 0)
    expect(rate(plain, 'unchanged', 300, 51, draw)).toBeLessThan(0.45)
    expect(rate(design, 'unchanged', 300, 51, draw)).toBeGreaterThan(0.65)
  })

  it('keeps false regressions at +δ within alpha, variance ratio 1/3', () => {
    const count = 3_000
    const falseRegressions = rate(design, 'regression', count, 52, random =>
      drifting(random, 0.2, THRESHOLD, 1 / 3)
    )
    expect(falseRegressions).toBeLessThanOrEqual(
      ALPHA + 3 * Math.sqrt((ALPHA * (1 - ALPHA)) / count)
    )
  })
})
