import { InputError } from '../core/errors'
import type { Environment } from '../bench/environment'
import type { ScheduleEntry } from '../bench/types'
import { analyse } from '../stats/analyse'
import { planDesign, type Design } from '../stats/design'
import { regressionPath, type SequentialPath } from '../stats/family'
import { placeLooks } from '../stats/looks'
import { resultsFile, sourceOf } from './build'
import { benchmarkName, type ParsedFile, type ParsedResult } from './read'
import { recordedDesign, type RecordedDesign } from './recorded-design'
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
  /** Most looks, placed on the samples the files hold (1 = fixed size). */
  looks: number
  /** A design recorded by the run, replayed instead of placing looks. */
  design?: RecordedDesign
  /** Benchmarks judged together; regression spends alpha/m. */
  familySize?: number
  /** Which results to compare (by `parameters.group` or command); default: the first two. */
  baseline?: string
  candidate?: string
  /** The benchmark's name; default: the first file's `benchmark` or its file name. */
  name?: string
}

/**
 * Analyses hyperfine-format results (`compare`, and each file of report mode): picks
 * the two results, places the looks on the samples (or replays a recorded design), and
 * builds a results file with the regression test's path over the looks made, for
 * adjusting a family.
 */
export function analyseFiles(files: readonly ParsedFile[], options: ReanalysisDesign): Reanalysis {
  const { baseline, candidate, names } = selectResults(files, options)
  const warnings = [
    ...failedRunWarnings(names.baseline, baseline),
    ...failedRunWarnings(names.candidate, candidate)
  ]
  const counts = { baseline: baseline.times.length, candidate: candidate.times.length }
  // `looks` is the most to use, as in `run`: never more than the samples allow (a group
  // too small to compare is named by the analysis).
  const looks = Math.max(1, Math.min(options.looks, counts.baseline, counts.candidate))
  const design: Design = options.design
    ? planDesign(options.design.looks, options.alpha, options.design)
    : planDesign(placeLooks(counts, looks), options.alpha, { familySize: options.familySize ?? 1 })
  const analysis = analyse(baseline.times, candidate.times, { ...options, design, names })
  analysis.comparison.warnings.unshift(...warnings)
  const first = files[0]!
  const results = resultsFile(
    options.name ?? benchmarkName(first),
    {
      baseline: sourceOf(names.baseline, baseline),
      candidate: sourceOf(names.candidate, candidate)
    },
    analysis,
    files.length === 1 ? recordedContext(first) : {}
  )
  const path: SequentialPath = {
    design,
    pValues: regressionPath(
      baseline.times,
      candidate.times,
      analysis.comparison.looks,
      options.threshold,
      design
    )
  }
  return { results, path }
}

/**
 * Runs that failed (a non-zero exit code, or null: killed by a signal) are analysed
 * like the others, as hyperfine does, but never silently; a group with no successful
 * run has nothing to compare.
 */
function failedRunWarnings(name: string, result: ParsedResult): string[] {
  const failed = result.exitCodes.filter(code => code !== 0).length
  if (failed === 0) return []
  if (failed >= result.times.length) {
    throw new InputError(
      `${name}: all ${result.times.length} runs failed (non-zero exit code or killed by a signal); there is no successful run to compare`
    )
  }
  return [
    `${failed} of ${result.times.length} ${name} runs failed (non-zero exit code or killed by a signal); their times are analysed like the others, as hyperfine does, so the comparison may not measure what you meant.`
  ]
}

/**
 * Analyses one results file again in report mode. The report job's own alpha and
 * threshold decide; the file's recorded design (look sizes, spending, family size)
 * is replayed when it is within sane bounds, else the file is analysed as a
 * fixed-size comparison with a warning naming it. Plain hyperfine files are fixed-size.
 */
export function reanalyse(
  file: ParsedFile,
  policy: { alpha: number; threshold: number; warn: (line: string) => void }
): Reanalysis {
  const recorded = recordedDesign(file)
  if (recorded.problem !== undefined) {
    policy.warn(`${file.path}: ${recorded.problem}; analysed as a fixed-size comparison`)
  }
  return analyseFiles([file], {
    alpha: policy.alpha,
    threshold: policy.threshold,
    looks: 1,
    ...(recorded.design ? { design: recorded.design } : {})
  })
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
