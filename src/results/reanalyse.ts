import { InputError } from '../core/errors'
import type { Environment } from '../bench/environment'
import type { ScheduleEntry } from '../bench/types'
import { analyse } from '../stats/analyse'
import { regressionPath, type SequentialPath } from '../stats/family'
import { resultsFile, sourceOf } from './build'
import { benchmarkName, resultName, type ParsedFile } from './read'
import type { ResultsFile } from './schema'
import { selectResults } from './select'

export interface Reanalysis {
  results: ResultsFile
  path: SequentialPath
}

/** How to analyse results read from files. */
export interface ReanalysisDesign {
  alpha: number
  threshold: number
  looks: number
  /** Planned samples per group; default: the larger group's count in the files. */
  samples?: number
  /** Which results to compare (by `parameters.group` or command); default: the first two. */
  baseline?: string
  candidate?: string
  /** The benchmark's name; default: the first file's `benchmark` or its file name. */
  name?: string
}

/**
 * Analyses hyperfine-format results (`compare`, and each file of report mode): picks
 * the two results, places the looks on the samples, and builds a results file with
 * the regression test's path over the looks made, for adjusting a family.
 */
export function analyseFiles(files: readonly ParsedFile[], design: ReanalysisDesign): Reanalysis {
  const { baseline, candidate } = selectResults(files, design)
  const samples = design.samples ?? Math.max(baseline.times.length, candidate.times.length)
  if (design.looks > samples) {
    throw new InputError(
      `looks: ${design.looks} is more than the ${samples} samples the files hold`
    )
  }
  const names = { baseline: resultName(baseline), candidate: resultName(candidate) }
  const analysis = analyse(baseline.times, candidate.times, { ...design, samples, names })
  const first = files[0]!
  const results = resultsFile(
    design.name ?? benchmarkName(first),
    {
      baseline: sourceOf(names.baseline, baseline),
      candidate: sourceOf(names.candidate, candidate)
    },
    analysis,
    files.length === 1 ? recordedContext(first) : {}
  )
  const path: SequentialPath = {
    samples,
    looks: design.looks,
    pValues: regressionPath(baseline.times, candidate.times, {
      samples,
      looks: design.looks,
      threshold: design.threshold,
      looksMade: analysis.comparison.looks.length
    })
  }
  return { results, path }
}

/**
 * Analyses one results file again with the design it was run with (its alpha,
 * threshold, planned samples and looks) when it records one, else as a fixed-size
 * comparison with the given defaults. Plain hyperfine files work too.
 */
export function reanalyse(
  file: ParsedFile,
  defaults: { alpha: number; threshold: number }
): Reanalysis {
  const recorded = recordedDesign(file)
  const samples =
    recorded.samples ?? Math.max(0, ...file.results.slice(0, 2).map(result => result.times.length))
  return analyseFiles([file], {
    alpha: recorded.alpha ?? defaults.alpha,
    threshold: recorded.threshold ?? defaults.threshold,
    samples: recorded.samples,
    looks: Math.min(recorded.looks ?? 1, Math.max(samples, 1)),
    baseline: recorded.baseline,
    candidate: recorded.candidate
  })
}

/** The design a results file of ours records in its comparison, field by field. */
function recordedDesign(file: ParsedFile): Partial<Omit<ReanalysisDesign, 'name'>> {
  const comparison = file.raw.comparison
  if (typeof comparison !== 'object' || comparison === null) return {}
  const field = (name: string): unknown => (comparison as Record<string, unknown>)[name]
  const number = (name: string) =>
    typeof field(name) === 'number' ? (field(name) as number) : undefined
  const text = (name: string) =>
    typeof field(name) === 'string' ? (field(name) as string) : undefined
  return {
    alpha: number('alpha'),
    threshold: number('threshold'),
    samples: number('plannedSamples'),
    looks: number('plannedLooks'),
    baseline: text('baseline'),
    candidate: text('candidate')
  }
}

/** The schedule and environment a file of ours carries, kept in its new results. */
function recordedContext(file: ParsedFile): {
  schedule?: ScheduleEntry[]
  environment?: Environment
} {
  const extra: { schedule?: ScheduleEntry[]; environment?: Environment } = {}
  if (Array.isArray(file.raw.schedule)) extra.schedule = file.raw.schedule as ScheduleEntry[]
  if (typeof file.raw.environment === 'object' && file.raw.environment !== null) {
    extra.environment = file.raw.environment as Environment
  }
  return extra
}
