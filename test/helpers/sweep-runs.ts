/**
 * A sweep (docs/sweep.md), simulated the way a run measures one: every candidate against
 * one baseline whose samples all comparisons share, the family's stop rule asked as the
 * samples come in, then each comparison analysed. Shared by the tests and `npm run
 * validate`, so it imports nothing from vitest.
 */
import { planPhases } from '../../src/stats/phases'
import { simulatePhaseRun, type PhaseRun } from './phase-runs'
import type { Random } from './random'

export interface SweepPlan {
  alpha: number
  threshold: number
  samples: number
  looks: number
  /** Each candidate's true change of the mean (0.25: 25% slower). */
  changes: readonly number[]
  /** Coefficient of variation of every group. */
  cv: number
  /** Each comparison planned as one of the family (the product), or alone at alpha. */
  planned?: 'family' | 'alone'
}

/** One seeded sweep: a baseline around 10 s and a candidate per change, all normal. */
export function simulateSweep(random: Random, plan: SweepPlan): PhaseRun {
  const { alpha, threshold, samples, looks, changes, cv } = plan
  const phases = plan.planned === 'alone' ? 1 : changes.length
  const design = planPhases({ alpha, samples, looks, phases })
  const baseline = random.normals(samples, 10, 10 * cv)
  const pairs = changes.map(change => ({
    baseline,
    candidate: random.normals(samples, 10 * (1 + change), 10 * (1 + change) * cv)
  }))
  return simulatePhaseRun(pairs, { alpha, threshold, design })
}
