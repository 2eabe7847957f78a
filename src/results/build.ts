import type { Analysis } from '../stats/analyse'
import type { GroupSummary } from '../stats/summary'
import type { Comparison } from '../stats/types'
import type { Environment } from '../bench/environment'
import type { GroupResult, ResultsFile } from './schema'
import type { ScheduleEntry } from '../bench/types'
import { resourceFields, type ResourceSource } from './resources'

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
  return {
    command: source.command,
    mean: summary.mean,
    stddev: summary.stddev,
    median: summary.median,
    min: summary.min,
    max: summary.max,
    times: source.times.slice(0, summary.n),
    exit_codes: source.exitCodes.slice(0, summary.n),
    parameters: { ...source.parameters, group: source.name },
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
