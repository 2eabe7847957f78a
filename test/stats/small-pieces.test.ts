import { describe, expect, it } from 'vitest'
import { holmAdjust } from '../../src/stats/decide/holm'
import { modifiedZScores, outlierWarnings } from '../../src/stats/describe/outliers'
import { decide, failsCheck, overallVerdict } from '../../src/stats/decide/verdict'

describe('holmAdjust', () => {
  it('multiplies the smallest p by m, the next by m − 1, keeping the order monotone', () => {
    expect(holmAdjust([0.01, 0.04, 0.03])).toEqual([0.03, 0.06, 0.06])
  })
  it('caps at 1 and leaves a single p alone', () => {
    expect(holmAdjust([0.6, 0.9])).toEqual([1, 1])
    expect(holmAdjust([0.02])).toEqual([0.02])
  })
})

describe('outliers', () => {
  it('computes hyperfine’s modified Z-scores', () => {
    // median 3, deviations [2,1,0,1,7] → MAD 1
    expect(modifiedZScores([1, 2, 3, 4, 10])).toEqual({
      scores: [-2, -1, 0, 1, 7],
      madIsZero: false
    })
  })
  it('flags a sample beyond 14.826 MADs, fast or slow', () => {
    expect(outlierWarnings('candidate', [10, 10.1, 9.9, 10, 10.2, 9.8, 1])).toEqual([
      expect.stringContaining('1 of 7 candidate samples')
    ])
  })
  it('scales by the mean absolute deviation when the MAD is 0, and says so', () => {
    // hyperfine's stand-in for a zero MAD made any value off the median an outlier.
    expect(outlierWarnings('baseline', [1, 1, 1, 1, 1.001])).toEqual([])
    expect(outlierWarnings('baseline', [1, 1, 1, 1, 1])).toEqual([])
    // 20 equal and one far off: mean deviation 1/21, so 1 is 16.7 standard deviations out.
    const far = outlierWarnings('baseline', [...Array<number>(20).fill(1), 2])
    expect(far).toEqual([expect.stringContaining('1 of 21 baseline samples')])
    expect(far[0]).toContain('more than half the samples are equal, so the MAD is 0')
  })
  it('says nothing below 5 samples, where the MAD rests on one or two differences', () => {
    expect(outlierWarnings('baseline', [10, 10.1, 30])).toEqual([])
    expect(outlierWarnings('baseline', [30, 10, 10.1, 10.05])).toEqual([])
  })
  it('warns about a slow first sample once, not also as an outlier', () => {
    const warnings = outlierWarnings('baseline', [30, 10, 10.1, 9.9, 10.05, 10])
    expect(warnings).toEqual([expect.stringContaining('The first baseline sample')])
    const more = outlierWarnings('baseline', [30, 10, 10.1, 9.9, 10.05, 10, 50])
    expect(more[1]).toContain('1 other of 7 baseline samples')
  })
})

describe('decide', () => {
  const p = { pRegression: 0.5, pImprovement: 0.5, pUnchanged: 0.5 }
  const levels = { regression: 0.05, equivalence: 0.05 }
  it('checks regression, then improvement, then unchanged', () => {
    expect(decide({ pRegression: 0.01, pImprovement: 0.01, pUnchanged: 0.01 }, levels, false)).toBe(
      'regression'
    )
    expect(decide({ ...p, pImprovement: 0.01, pUnchanged: 0.01 }, levels, false)).toBe(
      'improvement'
    )
    expect(decide({ ...p, pUnchanged: 0.01 }, levels, false)).toBe('unchanged')
  })
  it('compares unchanged with the equivalence level, the others with the regression level', () => {
    const split = { regression: 0.01, equivalence: 0.03 }
    expect(decide({ ...p, pRegression: 0.02 }, split, false)).toBeNull()
    expect(decide({ ...p, pUnchanged: 0.02 }, split, false)).toBe('unchanged')
  })
  it('keeps sampling before the last look and is inconclusive at it', () => {
    expect(decide(p, levels, false)).toBeNull()
    expect(decide(p, levels, true)).toBe('inconclusive')
  })
  it('fails the check as fail-on says', () => {
    expect(failsCheck('regression', 'regression')).toBe(true)
    expect(failsCheck('inconclusive', 'regression')).toBe(false)
    expect(failsCheck('inconclusive', 'regression-or-inconclusive')).toBe(true)
    expect(failsCheck('regression', 'never')).toBe(false)
    expect(failsCheck('improvement', 'regression-or-inconclusive')).toBe(false)
  })
})

describe('overallVerdict', () => {
  it('is the worst of several: regression, then inconclusive, improvement, unchanged', () => {
    expect(overallVerdict(['unchanged', 'improvement', 'regression'])).toBe('regression')
    // An undecided phase outranks an improvement: fail-on regression-or-inconclusive
    // must fail the step whose verdict this is.
    expect(overallVerdict(['improvement', 'inconclusive'])).toBe('inconclusive')
    expect(overallVerdict(['unchanged', 'improvement'])).toBe('improvement')
    expect(overallVerdict(['unchanged', 'unchanged'])).toBe('unchanged')
    expect(overallVerdict(['inconclusive'])).toBe('inconclusive')
  })
})
