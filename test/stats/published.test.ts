import { describe, expect, it } from 'vitest'
import { welchFigures } from '../../src/stats/tests/margin-tests'
import { meanRatio, largerOverSmaller } from '../../src/stats/tests/ratio'
import { summarize } from '../../src/stats/describe/summary'
import { experimentTimes } from '../helpers/experiments'

// The figures Pulumi published in "Benchmarking Python Performance", from the raw
// hyperfine timings behind them. Each is checked to the digits that were printed.
describe('the published figures', () => {
  it('parallelism-fix: control (3.43.1) as baseline, fix (3.44.3) as candidate', () => {
    const baseline = summarize(experimentTimes('parallelism-fix.json', 'control'))
    const candidate = summarize(experimentTimes('parallelism-fix.json', 'fix'))
    const welch = welchFigures(baseline, candidate, 0)
    expect(welch.t.toFixed(2)).toBe('-388.40')
    expect(welch.df.toFixed(2)).toBe('31.33')
    expect(welch.pTwoSided.toPrecision(3)).toBe('2.93e-59')
    const faster = largerOverSmaller(meanRatio(baseline, candidate)!)
    expect(faster.faster).toBe('candidate')
    expect(faster.factor.toFixed(2)).toBe('3.17')
    expect(faster.stddev.toFixed(2)).toBe('0.07')
    expect(baseline.mean.toFixed(3)).toBe('222.232')
    expect(baseline.stddev.toFixed(3)).toBe('0.908')
    expect(candidate.mean.toFixed(3)).toBe('70.189')
    expect(candidate.stddev.toFixed(3)).toBe('1.497')
  })

  it('ts-vs-py: Python (control) as baseline, TypeScript as candidate', () => {
    const baseline = summarize(experimentTimes('ts-vs-py.json', 'control'))
    const candidate = summarize(experimentTimes('ts-vs-py.json', 'ts-control'))
    const welch = welchFigures(baseline, candidate, 0)
    expect(welch.t.toFixed(3)).toBe('6.806')
    expect(welch.df.toFixed(2)).toBe('30.42')
    expect(welch.pTwoSided.toPrecision(3)).toBe('1.40e-7')
    const faster = largerOverSmaller(meanRatio(baseline, candidate)!)
    expect(faster.faster).toBe('baseline')
    expect(faster.factor.toFixed(2)).toBe('1.04')
    expect(faster.stddev.toFixed(2)).toBe('0.03')
  })

  it('swapping the groups flips the sign of t and nothing else', () => {
    const control = summarize(experimentTimes('parallelism-fix.json', 'control'))
    const fix = summarize(experimentTimes('parallelism-fix.json', 'fix'))
    const forward = welchFigures(control, fix, 0)
    const backward = welchFigures(fix, control, 0)
    expect(backward.t).toBeCloseTo(-forward.t, 9)
    expect(backward.df).toBeCloseTo(forward.df, 9)
    expect(backward.pTwoSided / forward.pTwoSided).toBeCloseTo(1, 9)
  })
})
