import type { Analysis } from '../../stats/analyse'
import type { GroupSummary } from '../../stats/describe/summary'
import type { Comparison } from '../../stats/types'
import type { Environment } from '../../bench/environment'
import type { PhaseFamily } from '../../stats/phases'
import type { GroupResult, ResultsFile } from '../schema'
import type { ScheduleEntry } from '../../bench/types'
import { resourceFields, type ResourceSource } from '../resources'

/** What a group contributes to a results file besides its figures. */
export interface GroupSource extends ResourceSource {
  name: string
  command: string
  times: readonly number[]
  exitCodes: readonly (number | null)[]
  parameters?: Record<string, string>
  version?: string
}

/**
 * The hyperfine-shaped result of one group. Its figures describe the samples the
 * verdict used; `times` holds them in run order.
 */
export function groupResult(source: GroupSource, summary: GroupSummary): GroupResult {
  // The group first, as hyperfine's readers see it, under the name it goes by.
  const parameters = { ...source.parameters }
  delete parameters.group
  return {
    command: source.command,
    mean: summary.mean,
    stddev: summary.stddev,
    median: summary.median,
    min: summary.min,
    max: summary.max,
    times: source.times.slice(0, summary.n),
    exit_codes: source.exitCodes.slice(0, summary.n),
    parameters: { group: source.name, ...parameters },
    ...(source.version === undefined ? {} : { version: source.version }),
    ...resourceFields(source, summary.n, source.times.length)
  }
}

/** The group source of a result read from a file, under the name it goes by. */
export function sourceOf(
  name: string,
  result: {
    command: string
    times: readonly number[]
    exitCodes: readonly (number | null)[]
    parameters: Record<string, string>
    version?: string
  } & ResourceSource
): GroupSource {
  return { name, ...result }
}

export function resultsFile(
  benchmark: string,
  sources: { baseline: GroupSource; candidate: GroupSource },
  analysis: Analysis,
  extra: { schedule?: ScheduleEntry[]; environment?: Environment } = {}
): ResultsFile {
  const comparison: Comparison = analysis.comparison
  return {
    benchmark,
    results: [
      groupResult(sources.baseline, analysis.baseline),
      groupResult(sources.candidate, analysis.candidate)
    ],
    comparison,
    ...extra
  }
}

/** One phase of a Pulumi run: its groups and its analysis. */
export interface PhaseSource {
  phase: string
  sources: { baseline: GroupSource; candidate: GroupSource }
}

/**
 * The results file of a Pulumi run (docs/phases.md): a result per group and phase
 * (`parameters.phase`), phase by phase in the order listed, so the first two are the
 * first phase's and hyperfine-era readers compare those; `comparison` is the first
 * phase's, `phases` holds each phase's and `family` their adjusted p-values and verdicts.
 */
export function phasedResultsFile(
  benchmark: string,
  phases: readonly PhaseSource[],
  family: PhaseFamily,
  extra: { schedule?: ScheduleEntry[]; environment?: Environment } = {}
): ResultsFile {
  const withPhase = (source: GroupSource, phase: string): GroupSource => ({
    ...source,
    parameters: { ...source.parameters, phase }
  })
  const byPhase = <T>(value: (index: number) => T): Record<string, T> =>
    Object.fromEntries(phases.map(({ phase }, index) => [phase, value(index)]))
  const comparisons = family.analyses.map(analysis => analysis.comparison)
  return {
    benchmark,
    results: phases.flatMap(({ phase, sources }, index) => [
      groupResult(withPhase(sources.baseline, phase), family.analyses[index]!.baseline),
      groupResult(withPhase(sources.candidate, phase), family.analyses[index]!.candidate)
    ]),
    comparison: comparisons[0]!,
    phases: byPhase(index => comparisons[index]!),
    family: {
      size: comparisons[0]!.design.familySize,
      pAdjusted: byPhase(index => family.pAdjusted[index]!),
      verdicts: byPhase(index => comparisons[index]!.verdict),
      verdict: family.verdict
    },
    ...extra
  }
}
