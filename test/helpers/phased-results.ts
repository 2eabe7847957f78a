/**
 * Results files of Pulumi runs that time several phases, made the way the pipeline
 * makes them (analysePhases, phasedResultsFile), for the report and report-mode tests.
 */
import type { Environment } from '../../src/bench/environment'
import { phasedResultsFile } from '../../src/results/build/build'
import type { ResultsFile } from '../../src/results/schema'
import { analysePhases, planPhases } from '../../src/stats/phases'

export interface PhaseTimes {
  phase: string
  baseline: number[]
  candidate: number[]
}

/** Times around `mean` with a small, fixed spread: `count` of them. */
export function around(mean: number, count = 8): number[] {
  return Array.from({ length: count }, (_, i) => mean * (1 + 0.01 * ((i % 5) - 2)))
}

export function phasedResults(
  phases: readonly PhaseTimes[],
  options: { benchmark?: string; looks?: number; environment?: Environment } = {}
): ResultsFile {
  const samples = Math.max(...phases.map(phase => phase.baseline.length))
  const design = planPhases({
    alpha: 0.05,
    samples,
    looks: options.looks ?? 1,
    phases: phases.length
  })
  const family = analysePhases(phases, { alpha: 0.05, threshold: 0.05, design })
  const group = (name: string, phase: string, times: number[]) => ({
    name,
    command: `pulumi ${phase} --stack s-${name}`,
    times,
    exitCodes: times.map(() => 0),
    version: name === 'baseline' ? '3.44.3' : '3.45.0'
  })
  return phasedResultsFile(
    options.benchmark ?? 'infra',
    phases.map(({ phase, baseline, candidate }) => ({
      phase,
      sources: {
        baseline: group('baseline', phase, baseline),
        candidate: group('candidate', phase, candidate)
      }
    })),
    family,
    options.environment ? { environment: options.environment } : {}
  )
}
