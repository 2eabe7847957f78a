import { describe, expect, it } from 'vitest'
import { analyse } from '../../src/stats/analyse'
import { planRun } from '../../src/stats/design/design'
import { analysePhases, planPhases, type PhaseSamples } from '../../src/stats/phases'
import { familyStopRule } from '../../src/stats/decide/stop-rule'
import { simulatePhaseRun } from '../helpers/phase-runs'
import { Random } from '../helpers/random'
import { overallVerdict } from '../../src/stats/decide/verdict'

const ALPHA = 0.05
const THRESHOLD = 0.05
const SAMPLES = 20
const PHASES = 5

/** alpha + 3 standard errors of a rate measured over `count` repetitions. */
const limit = (count: number) => ALPHA + 3 * Math.sqrt((ALPHA * (1 - ALPHA)) / count)

/** Five phases of very different lengths at CV 5%, each slowed by its own change. */
function draw(random: Random, changes: readonly number[]): PhaseSamples[] {
  return changes.map(change => {
    const mean = 5 + 100 * random.uniform()
    return {
      baseline: random.normals(SAMPLES, mean, mean * 0.05),
      candidate: random.normals(SAMPLES, mean * (1 + change), mean * (1 + change) * 0.05)
    }
  })
}

/**
 * Seeded runs of five phases: how often any phase, the first one and the step are a
 * regression. `adjusted: false` is the run without a family: each phase planned alone
 * at alpha and its verdict taken as it is.
 */
function rates(changes: readonly number[], adjusted: boolean, runs: number, seed: number) {
  const random = new Random(seed)
  const options = { alpha: ALPHA, threshold: THRESHOLD }
  const plan = { ...options, samples: SAMPLES, looks: 10 }
  const design = adjusted ? planPhases({ ...plan, phases: changes.length }) : planRun(plan)
  let anyRegression = 0
  let firstRegression = 0
  let stepRegression = 0
  for (let i = 0; i < runs; i++) {
    const phases = draw(random, changes)
    const run = adjusted
      ? simulatePhaseRun(phases, { ...options, design })
      : {
          analyses: phases.map(phase =>
            analyse(phase.baseline, phase.candidate, { ...options, design })
          )
        }
    const verdicts = run.analyses.map(({ comparison }) => comparison.verdict)
    if (verdicts.includes('regression')) anyRegression++
    if (verdicts[0] === 'regression') firstRegression++
    if (overallVerdict(verdicts) === 'regression') stepRegression++
  }
  return {
    anyRegression: anyRegression / runs,
    firstRegression: firstRegression / runs,
    stepRegression: stepRegression / runs
  }
}

describe('the phases of a run, judged as one family', () => {
  // The worst case of "no regression": every phase slower by exactly the threshold.
  const AT_THRESHOLD = Array<number>(PHASES).fill(THRESHOLD)
  const RUNS = 1500

  it('keep the chance of any false regression within alpha, all five at the threshold', () => {
    const { anyRegression } = rates(AT_THRESHOLD, true, RUNS, 41)
    expect(anyRegression).toBeLessThanOrEqual(limit(RUNS))
  })

  it('would not without the adjustment: each phase at alpha alone', () => {
    // What the test above guards against; about 1 − 0.95⁵ of runs.
    expect(rates(AT_THRESHOLD, false, RUNS, 41).anyRegression).toBeGreaterThan(limit(RUNS))
  })

  it('find one phase at +25% among four unchanged, and nothing else', () => {
    const runs = 400
    const found = rates([0.25, 0, 0, 0, 0], true, runs, 42)
    expect(found.firstRegression).toBeGreaterThanOrEqual(0.99)
    expect(found.stepRegression).toBe(found.anyRegression)
    expect(found.anyRegression - found.firstRegression).toBeLessThanOrEqual(limit(runs))
  })
})

describe('the stop rule of a run of phases', () => {
  it('stops only at a look where every phase has a verdict', () => {
    const design = planPhases({ alpha: ALPHA, samples: 20, looks: 10, phases: 2 })
    const stop = familyStopRule([0, 1].map(() => ({ design, threshold: THRESHOLD })))
    const steady = (mean: number, n: number) =>
      Array.from({ length: n }, (_, i) => mean * (1 + 0.001 * (i % 3)))
    const noisy = (n: number) =>
      Array.from({ length: n }, (_, i) => 10 * (1 + 0.3 * (((i * 7) % 5) - 2)))
    const decided = { baseline: steady(1, 3), candidate: steady(3, 3) }
    // The first phase is a 3× regression at the first look; the second is undecided.
    expect(stop([decided, { baseline: noisy(3), candidate: noisy(3) }])).toBe(false)
    expect(stop([decided, { baseline: steady(3, 3), candidate: steady(1, 3) }])).toBe(true)
    // Two tight, equal phases are not yet `unchanged` at 3 samples: that waits for 6.
    expect(stop([decided, { baseline: steady(2, 3), candidate: steady(2, 3) }])).toBe(false)
    expect(stop([decided, { baseline: steady(2, 6), candidate: steady(2, 6) }])).toBe(true)
  })
})

describe('planPhases and analysePhases', () => {
  it('plan every phase as one of phases × family-size', () => {
    const design = planPhases({ alpha: ALPHA, samples: 10, looks: 1, phases: 3, familySize: 2 })
    expect(design.familySize).toBe(6)
    expect(design.regression.target).toBeCloseTo(ALPHA / 6, 12)
    expect(design.equivalence.target).toBe(ALPHA)
  })

  it('analyse each phase as analyse does, with Holm-adjusted p and one verdict', () => {
    const random = new Random(43)
    const phases = draw(random, [0, 1, -0.5])
    const design = planPhases({ alpha: ALPHA, samples: SAMPLES, looks: 1, phases: 3 })
    const options = { alpha: ALPHA, threshold: THRESHOLD, design }
    const family = analysePhases(phases, options)
    phases.forEach(({ baseline, candidate }, index) => {
      expect(family.analyses[index]).toEqual(analyse(baseline, candidate, options))
    })
    expect(family.analyses.map(({ comparison }) => comparison.verdict)).toEqual([
      'unchanged',
      'regression',
      'improvement'
    ])
    expect(family.verdict).toBe('regression')
    // One look: the stage-wise p is the plain p, which Holm multiplies by up to 3.
    const raw = family.analyses[1]!.comparison.welch.pRegression
    expect(family.pAdjusted[1]).toBeCloseTo(3 * raw, 12)
    expect(family.pAdjusted[0]).toBe(1)
  })
})
