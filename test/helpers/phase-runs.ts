/**
 * A run of several phases, simulated the way the pipeline runs it (src/run/pipeline/pipeline.ts):
 * the family's stop rule asked as the samples come in, then every phase analysed on the
 * samples taken and the family adjusted. Shared by the tests and `npm run validate`, so
 * it imports nothing from vitest.
 */
import type { Design } from '../../src/stats/design/design'
import { analysePhases, type PhaseFamily, type PhaseSamples } from '../../src/stats/phases'
import { familyStopRule } from '../../src/stats/decide/stop-rule'

export interface PhaseRun extends PhaseFamily {
  /** Samples per group the run took. */
  samples: number
}

/**
 * Runs the phases' full samples through the stop rule and the analysis. The rule is
 * asked at each planned look only: between looks it cannot change its answer, since it
 * looks at the planned looks the samples have passed.
 */
export function simulatePhaseRun(
  phases: readonly PhaseSamples[],
  options: { alpha: number; threshold: number; design: Design }
): PhaseRun {
  const { design, threshold } = options
  const stop = familyStopRule(phases.map(() => ({ design, threshold })))
  const last = design.looks[design.looks.length - 1]!.baseline
  const taken = (n: number) =>
    phases.map(({ baseline, candidate }) => ({
      baseline: baseline.slice(0, n),
      candidate: candidate.slice(0, n)
    }))
  const samples = design.looks.find(look => stop(taken(look.baseline)))?.baseline ?? last
  return { ...analysePhases(taken(samples), options), samples }
}
