import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { differenceInterval } from '../../src/stats/interval'
import { welchFigures } from '../../src/stats/margin-tests'
import { lookLevels, spendingLevels } from '../../src/stats/spending'
import { summarize } from '../../src/stats/summary'
import { welchStatistic } from '../../src/stats/welch'
import { fixturePath } from '../helpers/experiments'

// fixtures/scipy-reference.json is made by scripts/scipy-reference.py from scipy.
interface Reference {
  welch: {
    kind: string
    baseline: number[]
    candidate: number[]
    threshold: number
    alpha: number
    t: number
    df: number
    pTwoSided: number
    regression: { t: number; df: number; p: number }
    improvement: { t: number; df: number; p: number }
    pUnchanged: number
    ciLow: number
    ciHigh: number
  }[]
  spending: { alpha: number; looks: number; levels: number[] }[]
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

describe('alpha spending against scipy.stats.multivariate_normal', () => {
  it('has one nominal level, alpha itself, for a single look', () => {
    expect(spendingLevels(0.05, [1])[0]).toBeCloseTo(0.05, 12)
    expect(lookLevels(0.05, 20, 1)).toEqual([0.05])
  })

  it('gives the reference levels for 3 looks at one-sided 0.05', () => {
    const [first, second, third] = spendingLevels(0.05, [1 / 3, 2 / 3, 1])
    expect(first).toBeCloseTo(0.000687, 6)
    expect(second).toBeCloseTo(0.0161, 4)
    expect(third).toBeCloseTo(0.0451, 4)
  })

  reference.spending.forEach(({ alpha, looks, levels }) => {
    it(`matches scipy for ${looks} equally spaced looks at alpha ${alpha}`, () => {
      const fractions = Array.from({ length: looks }, (_, k) => (k + 1) / looks)
      spendingLevels(alpha, fractions).forEach((level, k) =>
        expectRelative(level, levels[k]!, 1e-5, `look ${k + 1}`)
      )
    })
  })
})
