import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { differenceInterval } from '../../src/stats/tests/interval'
import { welchFigures } from '../../src/stats/tests/margin-tests'
import { ratioInterval } from '../../src/stats/tests/fieller'
import { boundary, hsdSpent, upperQuantile } from '../../src/stats/design/spending'
import { summarize } from '../../src/stats/describe/summary'
import { welchStatistic } from '../../src/stats/tests/welch'
import { fixturePath, type ScipyCase } from '../helpers/experiments'

// fixtures/scipy-reference.json is made by scripts/scipy-reference.py from scipy.
interface Reference {
  welch: (ScipyCase & { kind: string; alpha: number; ciLow: number; ciHigh: number })[]
  spending: { alpha: number; gamma: number; fractions: number[]; levels: number[] }[]
  stageWise: {
    alpha: number
    gamma: number
    fractions: number[]
    look: number
    p: number
    stageWise: number
  }[]
  fieller: {
    baseline: number[]
    candidate: number[]
    level: number
    low: number
    high: number | null
  }[]
}

const reference = JSON.parse(readFileSync(fixturePath('scipy-reference.json'), 'utf8')) as Reference

/** |ours − theirs| ≤ tolerance·|theirs|, with scipy's underflow to 0 allowed for. */
function expectRelative(ours: number, theirs: number, tolerance: number, what: string): void {
  if (theirs === 0) {
    // scipy's double underflows past ~1e-308; ours must be at least that small.
    expect(ours, what).toBeLessThan(1e-300)
    return
  }
  const error = Math.abs(ours - theirs) / Math.abs(theirs)
  expect(error, `${what}: ours ${ours}, scipy ${theirs}`).toBeLessThanOrEqual(tolerance)
}

describe('Welch against scipy.stats.ttest_ind(equal_var=False)', () => {
  it('holds enough varied cases', () => {
    expect(reference.welch.length).toBeGreaterThanOrEqual(500)
    const kinds = new Set(reference.welch.map(c => c.kind))
    expect([...kinds].sort()).toEqual(['huge-t', 'lognormal', 'normal', 'unequal'])
    expect(Math.max(...reference.welch.map(c => Math.abs(c.t)))).toBeGreaterThan(1000)
  })

  reference.welch.forEach((c, index) => {
    it(`case ${index} (${c.kind}, n ${c.baseline.length}/${c.candidate.length}, δ ${c.threshold})`, () => {
      const baseline = summarize(c.baseline)
      const candidate = summarize(c.candidate)
      const figures = welchFigures(baseline, candidate, c.threshold)
      expectRelative(figures.t, c.t, 1e-6, 't')
      expectRelative(figures.df, c.df, 1e-6, 'df')
      expectRelative(figures.pTwoSided, c.pTwoSided, 1e-6, 'two-sided p')
      const regression = welchStatistic(baseline, candidate, 1 + c.threshold)
      expectRelative(regression.t, c.regression.t, 1e-6, 'regression t')
      expectRelative(regression.df, c.regression.df, 1e-6, 'regression df')
      expectRelative(figures.pRegression, c.regression.p, 1e-6, 'regression p')
      const improvement = welchStatistic(baseline, candidate, 1 - c.threshold)
      expectRelative(improvement.t, c.improvement.t, 1e-6, 'improvement t')
      expectRelative(figures.pImprovement, c.improvement.p, 1e-6, 'improvement p')
      expectRelative(figures.pUnchanged, c.pUnchanged, 1e-6, 'unchanged p')
      const interval = differenceInterval(baseline, candidate, c.alpha)
      const width = c.ciHigh - c.ciLow
      expect(Math.abs(interval.ciLow - c.ciLow)).toBeLessThanOrEqual(1e-6 * width)
      expect(Math.abs(interval.ciHigh - c.ciHigh)).toBeLessThanOrEqual(1e-6 * width)
    })
  })
})

describe('Hwang–Shih–DeCani boundaries against scipy', () => {
  it('spends alpha itself at a single look', () => {
    expect(boundary([1], t => hsdSpent(0.05, -3, t)).levels[0]).toBeCloseTo(0.05, 12)
  })

  reference.spending.forEach(({ alpha, gamma, fractions, levels }) => {
    it(`matches scipy for ${fractions.length} looks, alpha ${alpha}, γ ${gamma}`, () => {
      // scipy's multivariate normal CDF is quasi-Monte Carlo, good to about 1e-8.
      boundary(fractions, t => hsdSpent(alpha, gamma, t)).levels.forEach((level, k) =>
        expectRelative(level, levels[k]!, 1e-4, `look ${k + 1}`)
      )
    })
  })

  reference.stageWise.forEach(({ alpha, gamma, fractions, look, p, stageWise }) => {
    it(`gives the stage-wise p of a crossing at look ${look + 1} with p ${p}`, () => {
      const before = look === 0 ? 0 : hsdSpent(alpha, gamma, fractions[look - 1]!)
      const beyond = boundary(fractions, t => hsdSpent(alpha, gamma, t)).beyond(
        look,
        upperQuantile(p)
      )
      expectRelative(before + beyond, stageWise, 1e-5, 'stage-wise p')
    })
  })
})

describe('Fieller intervals against a direct root solve with scipy', () => {
  it('holds bounded and unbounded cases', () => {
    expect(reference.fieller.length).toBeGreaterThanOrEqual(200)
    expect(reference.fieller.some(c => c.high === null)).toBe(true)
    expect(reference.fieller.some(c => c.low === 0)).toBe(true)
  })

  reference.fieller.forEach((c, index) => {
    it(`case ${index} (n ${c.baseline.length}/${c.candidate.length}, level ${c.level})`, () => {
      const interval = ratioInterval(summarize(c.baseline), summarize(c.candidate), c.level)
      expect(interval.confidence).toBeCloseTo(1 - 2 * c.level, 12)
      if (c.low === 0) expect(interval.low).toBe(0)
      else expectRelative(interval.low, c.low, 1e-9, 'low')
      if (c.high === null) expect(interval.high).toBeNull()
      else expectRelative(interval.high!, c.high, 1e-9, 'high')
    })
  })
})
