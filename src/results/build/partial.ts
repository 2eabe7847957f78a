import { max, mean, median, min, sampleStandardDeviation } from 'simple-statistics'
import { describeError } from '../../core/errors/errors'
import type { GroupSource } from './build'
import type { Environment } from '../../bench/environment'
import type { ScheduleEntry } from '../../bench/types'
import { resourceFields, type ResourceFields } from '../resources'

/** A group of a run that did not finish: figures only where the samples define them. */
export interface PartialGroupResult extends ResourceFields {
  command: string
  mean: number | null
  stddev: number | null
  median: number | null
  min: number | null
  max: number | null
  times: number[]
  exit_codes: (number | null)[]
  parameters: { group: string; phase?: string }
  version?: string
}

/** What a failed or cancelled run leaves: the samples so far and why it stopped. */
export interface PartialResultsFile {
  benchmark: string
  error: string
  results: PartialGroupResult[]
  schedule?: ScheduleEntry[]
  environment?: Environment
}

export function partialGroup(source: GroupSource, phase: string | undefined): PartialGroupResult {
  const times = [...source.times]
  const some = times.length > 0
  return {
    command: source.command,
    mean: some ? mean(times) : null,
    // hyperfine writes null for a standard deviation it cannot compute.
    stddev: times.length > 1 ? sampleStandardDeviation(times) : null,
    median: some ? median(times) : null,
    min: some ? min(times) : null,
    max: some ? max(times) : null,
    times,
    exit_codes: [...source.exitCodes],
    parameters: { group: source.name, ...(phase === undefined ? {} : { phase }) },
    ...(source.version === undefined ? {} : { version: source.version }),
    ...resourceFields(source, times.length, times.length)
  }
}

/**
 * What a run that stopped leaves: every phase's samples so far (`phase` unset in generic
 * mode, whose one comparison is no Pulumi phase). No comparison: a run that did not
 * finish has no verdict, and a reader of `comparison.verdict` must not find one
 * (`compare` re-analyses the samples on request).
 */
export function partialResultsFile(
  config: { name: string },
  phases: ReadonlyArray<{ phase?: string; sources: Readonly<Record<string, GroupSource>> }>,
  error: unknown,
  extra: { schedule?: ScheduleEntry[]; environment?: Environment }
): PartialResultsFile {
  return {
    benchmark: config.name,
    error: describeError(error),
    // Each phase's groups in the order given: the baseline first, then the candidate(s).
    results: phases.flatMap(({ phase, sources }) =>
      Object.values(sources).map(source => partialGroup(source, phase))
    ),
    ...extra
  }
}
