import { describe, expect, it } from 'vitest'
import {
  comparisonAlpha,
  initialRange,
  narrow,
  nextProbe,
  plannedComparisons,
  type SearchRange
} from '../../src/run/bisect/bisect-search'
import type { Verdict } from '../../src/stats/types'

/** Runs the search on `count` versions whose verdict against good is `verdictOf(index)`. */
function search(count: number, verdictOf: (index: number) => Verdict) {
  const probes: number[] = []
  let range: SearchRange = initialRange(count)
  for (let probe = nextProbe(range); probe !== null; probe = nextProbe(range)) {
    probes.push(probe)
    const next = narrow(range, probe, verdictOf(probe))
    if ('kind' in next) return { probes, end: next }
    range = next
  }
  return { probes, end: range }
}

describe('bisect search', () => {
  it('plans the confirmation plus ⌈log₂(n − 1)⌉ halvings', () => {
    expect(plannedComparisons(2)).toBe(1)
    expect(plannedComparisons(3)).toBe(2)
    expect(plannedComparisons(40)).toBe(7)
    expect(plannedComparisons(46)).toBe(7)
    expect(comparisonAlpha(0.05, 40)).toBeCloseTo(0.05 / 7, 12)
    expect(() => plannedComparisons(1)).toThrow(RangeError)
  })

  it('finds every boundary among 2 to 60 versions within the planned comparisons', () => {
    for (let count = 2; count <= 60; count++) {
      for (let first = 1; first < count; first++) {
        const { probes, end } = search(count, index =>
          index >= first ? 'regression' : 'unchanged'
        )
        expect(end).toEqual({ fast: first - 1, slow: first })
        // The confirmation is one more comparison.
        expect(probes.length + 1).toBeLessThanOrEqual(plannedComparisons(count))
      }
    }
  })

  it('takes a faster version for not slower', () => {
    const { end } = search(10, index => (index >= 7 ? 'regression' : 'improvement'))
    expect(end).toEqual({ fast: 6, slow: 7 })
  })

  it('stops at an inconclusive step with the range it could not split', () => {
    const { probes, end } = search(40, index =>
      index === 29 ? 'inconclusive' : index >= 27 ? 'regression' : 'unchanged'
    )
    expect(probes).toEqual([19, 29])
    expect(end).toEqual({ kind: 'unsplit', fast: 19, slow: 39, at: 29 })
  })

  it('refuses a probe outside the open range', () => {
    expect(() => narrow({ fast: 3, slow: 5 }, 5, 'regression')).toThrow(RangeError)
    expect(nextProbe({ fast: 3, slow: 4 })).toBeNull()
  })
})
