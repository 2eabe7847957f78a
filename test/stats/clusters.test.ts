import { describe, expect, it } from 'vitest'
import { analyse } from '../../src/stats/analyse'
import { designLevels, planRun } from '../../src/stats/design/design'
import { lookFigures } from '../../src/stats/tests/look-figures'
import { informationFractions } from '../../src/stats/design/looks'
import { boundary, hsdSpent } from '../../src/stats/design/spending'
import { familyStopRule } from '../../src/stats/decide/stop-rule'

const ALPHA = 0.05
const THRESHOLD = 0.05
const design = planRun({ alpha: ALPHA, samples: 20, looks: 10 })
const stop = familyStopRule([{ design, threshold: THRESHOLD }])

/** `n` tight samples around `centre` (within-mode CV 0.2%). */
const tight = (centre: number, n: number) =>
  Array.from({ length: n }, (_, i) => centre * (1 + 0.002 * ((i % 3) - 1)))

describe('clustered timings at the first looks (docs/how-it-decides.md)', () => {
  it('do not make a regression of a cluster artefact at 3 samples', () => {
    // Two modes 10% apart, a true change of exactly +δ: the baseline's 3 samples all
    // fell into the fast mode, the candidate's into the slow one.
    const artefact = { baseline: tight(60, 3), candidate: tight(60 * 1.1 * 1.05, 3) }
    expect(stop([artefact])).toBe(false)
  })

  it('still decide a 3× change at the first look', () => {
    expect(stop([{ baseline: tight(60, 3), candidate: tight(180, 3) }])).toBe(true)
    const { comparison } = analyse(tight(60, 20), tight(180, 20), {
      alpha: ALPHA,
      threshold: THRESHOLD,
      design
    })
    expect(comparison.verdict).toBe('regression')
    expect(comparison.samples).toBe(3)
  })

  it('conclude unchanged no earlier than 6 samples per group', () => {
    // Two tight, equal groups: each may be wholly in another mode of a true +2δ.
    for (const n of [3, 4, 5])
      expect(stop([{ baseline: tight(66, n), candidate: tight(66, n) }])).toBe(false)
    expect(stop([{ baseline: tight(66, 6), candidate: tight(66, 6) }])).toBe(true)
    const levels = designLevels(design)
    design.looks.forEach((look, k) => {
      if (look.baseline < 6) expect(levels[k]!.equivalence).toBe(0)
      else expect(levels[k]!.equivalence).toBeGreaterThan(0)
    })
  })

  it('count a group’s spread as at least 2% of its mean below 5 samples, its own from 5', () => {
    const tested = (n: number) =>
      lookFigures(tight(60, n), tight(60, n), { baseline: n, candidate: n }, THRESHOLD, design)
    for (const group of [tested(3).baseline, tested(4).candidate]) {
      expect(group.stddev).toBeCloseTo(0.02 * group.mean, 12)
    }
    expect(tested(5).baseline.stddev).toBeLessThan(0.002 * 60)
  })

  it('leave a fixed-size test (one look) as Welch’s test stands', () => {
    const fixed = planRun({ alpha: ALPHA, samples: 3, looks: 1 })
    expect(fixed.spreadFloor).toBeNull()
    const { comparison } = analyse(tight(60, 3), tight(60 * 1.1 * 1.05, 3), {
      alpha: ALPHA,
      threshold: THRESHOLD,
      design: fixed
    })
    expect(comparison.verdict).toBe('regression')
  })
})

describe('a boundary whose first looks spend nothing', () => {
  it('spends at the first deciding look all that HSD allows by then', () => {
    const fractions = informationFractions(design.looks)
    const spent = (t: number) => hsdSpent(0.05, 1, t)
    const found = boundary(fractions, spent, 3)
    const levels = found.levels
    expect(levels.slice(0, 3)).toEqual([0, 0, 0])
    // No earlier look can have crossed, so the level is exactly what was spent.
    expect(levels[3]).toBeCloseTo(spent(fractions[3]!), 10)
    expect(found.spentBefore(3)).toBe(0)
    expect(found.spentBefore(5)).toBeCloseTo(spent(fractions[4]!), 10)
  })
})
