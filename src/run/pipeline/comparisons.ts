/**
 * The comparisons a run makes (docs/sweep.md): in every phase, every candidate against
 * the baseline; candidate by candidate, phase by phase within each. Two groups make one
 * per phase, as always.
 */

export interface RunComparison {
  phase: string
  baseline: string
  candidate: string
}

/** The comparisons of groups (the baseline first) over phases. */
export function runComparisons(
  groups: readonly string[],
  phases: readonly string[]
): RunComparison[] {
  const [baseline, ...candidates] = groups
  return candidates.flatMap(candidate =>
    phases.map(phase => ({ phase, baseline: baseline!, candidate }))
  )
}

/** Each comparison's samples so far, from each phase's times by group. */
export function comparisonTimes(
  comparisons: readonly RunComparison[],
  times: Readonly<Record<string, Readonly<Record<string, number[]>>>>
): { baseline: number[]; candidate: number[] }[] {
  return comparisons.map(({ phase, baseline, candidate }) => ({
    baseline: times[phase]?.[baseline] ?? [],
    candidate: times[phase]?.[candidate] ?? []
  }))
}
