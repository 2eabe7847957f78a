import { describe, expect, it } from 'vitest'
import { Random } from '../helpers/random'
import { simulateSweep, type SweepPlan } from '../helpers/sweep-runs'

const ALPHA = 0.05
const THRESHOLD = 0.05
const PLAN = { alpha: ALPHA, threshold: THRESHOLD, samples: 20, looks: 10, cv: 0.05 }

/** alpha + 3 standard errors of a rate measured over `count` repetitions. */
const limit = (count: number) => ALPHA + 3 * Math.sqrt((ALPHA * (1 - ALPHA)) / count)

/** Seeded sweeps: how often each candidate, and any, is called a regression. */
function rates(
  plan: Omit<SweepPlan, 'changes'>,
  changes: readonly number[],
  runs: number,
  seed: number
) {
  const random = new Random(seed)
  const each = changes.map(() => 0)
  let any = 0
  for (let i = 0; i < runs; i++) {
    const verdicts = simulateSweep(random, { ...plan, changes }).analyses.map(
      ({ comparison }) => comparison.verdict
    )
    verdicts.forEach((verdict, index) => {
      if (verdict === 'regression') each[index]!++
    })
    if (verdicts.includes('regression')) any++
  }
  return { each: each.map(count => count / runs), any: any / runs }
}

describe('a sweep: every candidate against one shared baseline, one family', () => {
  const RUNS = 1500

  it('keeps the chance of any false regression within alpha, all four candidates at +δ', () => {
    const { any } = rates(PLAN, [THRESHOLD, THRESHOLD, THRESHOLD, THRESHOLD], RUNS, 2101)
    expect(any).toBeLessThanOrEqual(limit(RUNS))
  })

  it('would not with each comparison planned alone at alpha', () => {
    // What the test above guards against, on the same shared baseline.
    const runs = 600
    const { any } = rates({ ...PLAN, planned: 'alone' }, Array(4).fill(THRESHOLD), runs, 2101)
    expect(any).toBeGreaterThan(limit(runs))
  })

  it('finds the one candidate at +25% beside two unchanged, and nothing else', () => {
    const runs = 400
    const { each } = rates(PLAN, [0, 0.25, 0], runs, 2102)
    expect(each[1]).toBeGreaterThanOrEqual(0.99)
    expect(each[0]! + each[2]!).toBeLessThanOrEqual(limit(runs))
  })
})
