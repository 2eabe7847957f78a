import { analyse } from '../stats/analyse'
import type { SequentialPath } from '../stats/family'
import { regressionPath } from '../stats/family'
import { resultsFile, sourceOf } from './build'
import { benchmarkName, resultName, type ParsedFile } from './read'
import type { Environment, ResultsFile, ScheduleEntry } from './schema'
import { selectResults } from './select'

export interface Reanalysis {
  results: ResultsFile
  path: SequentialPath
}

/** The design a results file was run with, read from its comparison when it has one. */
interface Design {
  alpha: number
  threshold: number
  samples: number
  looks: number
  baseline?: string
  candidate?: string
}

function designOf(
  file: ParsedFile,
  defaults: { alpha: number; threshold: number }
): Partial<Design> {
  const comparison = file.raw.comparison
  if (typeof comparison !== 'object' || comparison === null) return defaults
  const field = (name: string): unknown => (comparison as Record<string, unknown>)[name]
  const number = (name: string) =>
    typeof field(name) === 'number' ? (field(name) as number) : undefined
  const text = (name: string) =>
    typeof field(name) === 'string' ? (field(name) as string) : undefined
  return {
    alpha: number('alpha') ?? defaults.alpha,
    threshold: number('threshold') ?? defaults.threshold,
    samples: number('plannedSamples'),
    looks: number('plannedLooks'),
    baseline: text('baseline'),
    candidate: text('candidate')
  }
}

/**
 * Analyses one results file again, with the design it was run with (its alpha,
 * threshold, planned samples and looks) when it records one, else as a fixed-size
 * comparison with the given defaults. Plain hyperfine files work too.
 */
export function reanalyse(
  file: ParsedFile,
  defaults: { alpha: number; threshold: number }
): Reanalysis {
  const design = designOf(file, defaults)
  const { baseline, candidate } = selectResults([file], {
    baseline: design.baseline,
    candidate: design.candidate
  })
  const samples = design.samples ?? Math.max(baseline.times.length, candidate.times.length)
  const looks = Math.min(design.looks ?? 1, samples)
  const names = { baseline: resultName(baseline), candidate: resultName(candidate) }
  const threshold = design.threshold ?? defaults.threshold
  const analysis = analyse(baseline.times, candidate.times, {
    alpha: design.alpha ?? defaults.alpha,
    threshold,
    samples,
    looks,
    names
  })
  const extra: { schedule?: ScheduleEntry[]; environment?: Environment } = {}
  if (Array.isArray(file.raw.schedule)) extra.schedule = file.raw.schedule as ScheduleEntry[]
  if (typeof file.raw.environment === 'object' && file.raw.environment !== null) {
    extra.environment = file.raw.environment as Environment
  }
  const results = resultsFile(
    benchmarkName(file),
    {
      baseline: sourceOf(names.baseline, baseline),
      candidate: sourceOf(names.candidate, candidate)
    },
    analysis,
    extra
  )
  const path: SequentialPath = {
    samples,
    looks,
    pValues: regressionPath(baseline.times, candidate.times, {
      samples,
      looks,
      threshold,
      looksMade: analysis.comparison.looks.length
    })
  }
  return { results, path }
}
