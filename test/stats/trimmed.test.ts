import { describe, expect, it } from 'vitest'
import { lookFigures } from '../../src/stats/tests/look-figures'
import { summarize } from '../../src/stats/describe/summary'
import { trimmedGroup } from '../../src/stats/tests/trimmed'
import { PLAIN_TEST } from '../../src/stats/tests/test-kind'
import { welchStatistic } from '../../src/stats/tests/welch'
import { yuenReference } from '../helpers/experiments'

// fixtures/scipy-reference.json: scipy.stats.ttest_ind(equal_var=False, trim=0.2).
const yuen = yuenReference()

const TRIMMED = { ...PLAIN_TEST, statistic: 'trimmed' as const }

function expectRelative(ours: number, theirs: number, what: string): void {
  const error = Math.abs(ours - theirs) / Math.max(Math.abs(theirs), 1e-300)
  expect(error, `${what}: ours ${ours}, scipy ${theirs}`).toBeLessThanOrEqual(1e-6)
}

describe("Yuen's test against scipy.stats.ttest_ind(equal_var=False, trim=0.2)", () => {
  it('holds enough cases, with outliers and ties', () => {
    expect(yuen.length).toBeGreaterThanOrEqual(200)
  })

  yuen.forEach((c, index) => {
    it(`case ${index} (n ${c.baseline.length}/${c.candidate.length}, δ ${c.threshold})`, () => {
      const look = { baseline: c.baseline.length, candidate: c.candidate.length }
      const { figures, baseline, candidate } = lookFigures(
        c.baseline,
        c.candidate,
        look,
        c.threshold,
        TRIMMED
      )
      expectRelative(figures.t, c.t, 't')
      expectRelative(figures.df, c.df, 'df')
      expectRelative(figures.pTwoSided, c.pTwoSided, 'two-sided p')
      const regression = welchStatistic(baseline, candidate, 1 + c.threshold)
      expectRelative(regression.t, c.regression.t, 'regression t')
      expectRelative(regression.df, c.regression.df, 'regression df')
      expectRelative(figures.pRegression, c.regression.p, 'regression p')
      expectRelative(figures.pImprovement, c.improvement.p, 'improvement p')
      expectRelative(figures.pUnchanged, c.pUnchanged, 'unchanged p')
    })
  })
})

describe('a trimmed group', () => {
  it('is the group itself below 5 samples, where 20% trims nothing', () => {
    const times = [1, 2, 9, 4]
    expect(trimmedGroup(times, summarize(times))).toEqual(summarize(times))
  })

  it('does not move with its slowest and fastest 20%', () => {
    const times = [10, 10.2, 9.9, 10.1, 9.8, 10, 10.3, 9.7, 10.1, 10]
    const spiked = times.map((x, i) => (i === 2 ? 30 : i === 7 ? 0.1 : x))
    const [plain, trimmed] = [times, spiked].map(t => trimmedGroup(t, summarize(t)))
    // Two samples of ten moved by −9.6 s and +20 s: the mean moves by 1 s, the trimmed one barely.
    expect(Math.abs(trimmed!.mean - plain!.mean)).toBeLessThan(0.1)
    expect(trimmed!.n).toBe(6)
    expect(summarize(spiked).mean - summarize(times).mean).toBeGreaterThan(1)
  })
})
