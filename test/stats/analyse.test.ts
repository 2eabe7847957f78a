import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/core/errors/errors'
import { analyse } from '../../src/stats/analyse'
import { designLevels, planRun } from '../../src/stats/design/design'
import { experimentTimes } from '../helpers/experiments'
import { Random } from '../helpers/random'

/** Every number anywhere in a value, with its path. */
function numbersIn(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'number') return [[path, value]]
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, inner]) => numbersIn(inner, `${path}.${key}`))
}

function expectNoNaN(value: unknown): void {
  for (const [path, number] of numbersIn(value)) expect(Number.isNaN(number), path).toBe(false)
}

const options = { alpha: 0.05, threshold: 0.05, looks: 1, samples: 20 }

describe('analyse', () => {
  it('finds the seed fix an improvement and its reverse a regression', () => {
    const control = experimentTimes('parallelism-fix.json', 'control')
    const fix = experimentTimes('parallelism-fix.json', 'fix')
    expect(analyse(control, fix, options).comparison.verdict).toBe('improvement')
    expect(analyse(fix, control, options).comparison.verdict).toBe('regression')
  })

  it('stops at the first look when the difference is huge', () => {
    const control = experimentTimes('parallelism-fix.json', 'control')
    const fix = experimentTimes('parallelism-fix.json', 'fix')
    const { comparison } = analyse(fix, control, { ...options, looks: 10 })
    expect(comparison.looks).toHaveLength(1)
    const levels = designLevels(planRun({ alpha: 0.05, samples: 20, looks: 10 }))[0]!
    expect(comparison.looks[0]).toEqual({
      samples: 3,
      baseline: 3,
      candidate: 3,
      level: levels.regression,
      equivalenceLevel: levels.equivalence,
      verdict: 'regression'
    })
    expect(comparison.samples).toBe(3)
    expect(comparison.stoppedEarly).toBe(true)
    expect(comparison.welch.t).toBeGreaterThan(0)
  })

  it('reports every look until the verdict and figures of the samples used', () => {
    const random = new Random(7)
    const baseline = random.normals(20, 100, 3)
    const candidate = random.normals(20, 101, 3)
    const { comparison, candidate: used } = analyse(baseline, candidate, { ...options, looks: 10 })
    expect(comparison.looks.length).toBeGreaterThan(1)
    expect(comparison.looks.map(look => look.samples)).toEqual(
      [3, 4, 5, 6, 8, 10, 13, 16, 20].slice(0, comparison.looks.length)
    )
    expect(comparison.looks.slice(0, -1).every(look => look.verdict === null)).toBe(true)
    expect(used.n).toBe(comparison.samples)
  })

  it('calls a 1% change with a 5% threshold unchanged when the noise is low', () => {
    const random = new Random(11)
    const { comparison } = analyse(
      random.normals(20, 100, 0.5),
      random.normals(20, 101, 0.5),
      options
    )
    expect(comparison.verdict).toBe('unchanged')
  })

  it('never concludes unchanged with a zero threshold', () => {
    const random = new Random(12)
    const same = random.normals(20, 100, 0.01)
    const { comparison } = analyse(same, same, { ...options, threshold: 0 })
    expect(comparison.verdict).toBe('inconclusive')
    // The larger of two opposite one-sided p-values: ½ for identical groups.
    expect(comparison.welch.pUnchanged).toBe(0.5)
  })

  it('tells what an inconclusive run could have detected', () => {
    const random = new Random(13)
    const { comparison } = analyse(random.normals(6, 100, 10), random.normals(6, 103, 10), {
      ...options,
      samples: 6
    })
    expect(comparison.verdict).toBe('inconclusive')
    expect(comparison.sensitivity!.detectableSlowdown).toBeGreaterThan(0.05)
    expect(comparison.sensitivity!.samplesNeeded).toBeGreaterThan(6)
  })

  it('warns about a slow first sample once, not also as an outlier, without dropping it', () => {
    const baseline = [30, 10.1, 10.2, 9.9, 10, 10.1, 9.8, 10]
    const { comparison, baseline: summary } = analyse(
      baseline,
      [10, 10.1, 10.2, 9.9, 10, 10, 10.1, 9.9],
      {
        ...options,
        samples: 8
      }
    )
    expect(summary.n).toBe(8)
    expect(summary.max).toBe(30)
    expect(comparison.warnings.some(w => w.includes('first baseline sample'))).toBe(true)
    expect(comparison.warnings.some(w => w.includes('outliers'))).toBe(false)
  })
})

describe('edge cases', () => {
  it('rejects a group with fewer than two samples with a clear message', () => {
    expect(() => analyse([1], [1, 2], options)).toThrow(InputError)
    expect(() => analyse([1], [1, 2], options)).toThrow(/at least 2/)
  })

  it('calls identical constant groups unchanged, with no NaN anywhere', () => {
    const { comparison } = analyse([2, 2, 2], [2, 2, 2], { ...options, samples: 3 })
    expectNoNaN(comparison)
    expect(comparison.welch.t).toBe(0)
    expect(comparison.welch.pTwoSided).toBe(1)
    expect(comparison.ratio).toMatchObject({ value: 1, stddev: 0 })
    expect(comparison.ratio.ciLow).toBeCloseTo(1, 9)
    expect(comparison.ratio.ciHigh).toBeCloseTo(1, 9)
    expect(comparison.verdict).toBe('unchanged')
  })

  it('calls two different constant groups a regression with p = 0, with no NaN', () => {
    const { comparison } = analyse([2, 2, 2], [3, 3, 3], { ...options, samples: 3 })
    expectNoNaN(comparison)
    expect(comparison.welch.t).toBe(Infinity)
    expect(comparison.welch.pTwoSided).toBe(0)
    expect(comparison.difference).toMatchObject({ mean: 1, ciLow: 1, ciHigh: 1 })
    expect(comparison.verdict).toBe('regression')
  })

  it('handles one constant group with the other group’s degrees of freedom', () => {
    const { comparison } = analyse([5, 5, 5, 5], [5.1, 4.9, 5.2, 4.8, 5], {
      ...options,
      samples: 5
    })
    expectNoNaN(comparison)
    expect(comparison.welch.df).toBeCloseTo(4, 9)
  })

  it('decides nothing against a zero baseline mean, and keeps every figure finite or null', () => {
    const { comparison } = analyse([0, 0, 0], [1, 2, 1.5], { ...options, samples: 3 })
    expectNoNaN(comparison)
    expect(comparison.verdict).toBe('inconclusive')
    expect(comparison.ratio).toMatchObject({ value: null, ciLow: null, ciHigh: null })
    expect(comparison.warnings.join(' ')).toMatch(/Every baseline sample is 0 s/)
  })
})
