import { max, mean, median, min, sampleStandardDeviation } from 'simple-statistics'
import { describeError } from '../core/errors'
import { analyse } from '../stats/analyse'
import { planRun } from '../stats/design'
import type { GroupSource } from './build'
import type { Comparison } from '../stats/types'
import type { Environment } from '../bench/environment'
import type { GroupName, ScheduleEntry } from '../bench/types'
import { resourceFields, type ResourceFields } from './resources'

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
  parameters: { group: string }
  version?: string
}

/** What a failed or cancelled run leaves: the samples so far and why it stopped. */
export interface PartialResultsFile {
  benchmark: string
  error: string
  results: PartialGroupResult[]
  /** The analysis of the samples so far, when each group has at least two. */
  comparison?: Comparison
  schedule?: ScheduleEntry[]
  environment?: Environment
}

function partialGroup(source: GroupSource): PartialGroupResult {
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
    parameters: { group: source.name },
    ...(source.version === undefined ? {} : { version: source.version }),
    ...resourceFields(source, times.length, times.length)
  }
}

/** The design of the run that stopped, for analysing what it measured. */
export interface RunDesign {
  name: string
  samples: number
  looks: number
  familySize: number
  detrend: boolean
  decision: { alpha: number; threshold: number }
}

export function partialResultsFile(
  config: RunDesign,
  sources: Record<GroupName, GroupSource>,
  error: unknown,
  extra: { schedule?: ScheduleEntry[]; environment?: Environment }
): PartialResultsFile {
  const { baseline, candidate } = sources
  const analysable = baseline.times.length >= 2 && candidate.times.length >= 2
  return {
    benchmark: config.name,
    error: describeError(error),
    results: [partialGroup(baseline), partialGroup(candidate)],
    ...(analysable
      ? {
          comparison: analyse(baseline.times, candidate.times, {
            ...config.decision,
            design: planRun({
              alpha: config.decision.alpha,
              samples: config.samples,
              looks: config.looks,
              familySize: config.familySize,
              detrend: config.detrend
            })
          }).comparison
        }
      : {}),
    ...extra
  }
}
