import { describe, expect, it } from 'vitest'
import { sensitivity } from '../../src/stats/power/sensitivity'
import { summarize } from '../../src/stats/describe/summary'
import { tQuantile } from '../../src/stats/tests/distributions'
import { welchStatistic } from '../../src/stats/tests/welch'
import { cli } from '../helpers/cli'
import { fixturePath } from '../helpers/experiments'

const levels = { regression: 0.05, equivalence: 0.05 }

describe('the detectable slowdown', () => {
  it('solves Δ = δ + (t₁₋ₗ + t₀.₈)·SE(Δ)/x̄b where a root exists', () => {
    const baseline = summarize([1.0, 1.02, 0.98, 1.01, 0.99, 1.0, 1.03, 0.97])
    const candidate = summarize([1.0, 1.05, 0.95, 1.02, 0.98, 1.0, 1.04, 0.96])
    const slowdown = sensitivity(baseline, candidate, levels, 0.05).detectableSlowdown!
    const cv = candidate.stddev / candidate.mean
    const sd = cv * (1 + slowdown) * baseline.mean
    const se = Math.sqrt(sd ** 2 / candidate.n + (1.05 * baseline.stddev) ** 2 / baseline.n)
    const { df } = welchStatistic(baseline, { ...candidate, stddev: sd }, 1.05)
    const z = tQuantile(0.95, df) + tQuantile(0.8, df)
    expect(slowdown).toBeCloseTo(0.05 + (z * se) / baseline.mean, 9)
  })

  it('is null, not a diverged number, when the spread is too large for the samples', () => {
    // Three samples of `true` against `true` (fixtures/hyperfine/true-vs-true.json).
    const baseline = summarize([0.005, 0.0022, 0.0039])
    const candidate = summarize([0.0033, 0.0011, 0.0016])
    expect(sensitivity(baseline, candidate, levels, 0).detectableSlowdown).toBeNull()
  })

  it.each([
    ['true-vs-true.json', []],
    ['true-vs-true.json', ['--threshold', '5%']],
    ['four-commands.json', ['--threshold', '5%']]
  ])('prints only bounded figures on real hyperfine output (%s %j)', async (name, flags) => {
    const { stdout } = await cli(['compare', fixturePath('hyperfine', name), ...flags])
    const line = stdout.split('\n').find(text => text.includes('These samples'))!
    expect(line).toBeDefined()
    expect(line).not.toMatch(/e\+|Infinity|NaN/)
    const figure = /could detect a slowdown of ([\d,.]+)%/.exec(line)
    if (figure) expect(Number(figure[1]!.replace(/,/g, ''))).toBeLessThanOrEqual(9_900)
    else expect(line).toMatch(/cannot bound the slowdown they could detect/)
  })
})
