import type { Environment } from '../../bench/environment'
import type { ScheduleEntry } from '../../bench/types'
import { analyse } from '../../stats/analyse'
import { planDesign, type Design } from '../../stats/design/design'
import { regressionPath, type SequentialPath } from '../../stats/decide/family'
import { placeLooks } from '../../stats/design/looks'
import type { Statistic } from '../../stats/tests/test-kind'
import { resultsFile, sourceOf } from '../build/build'
import { checkNoFailedRuns } from '../build/failed-runs'
import { benchmarkName, type ParsedFile } from '../read/read'
import { recordedDesign, type RecordedDesign } from '../read/recorded-design'
import type { ResultsFile } from '../schema'
import { selectResults } from '../read/select'

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
  /** What each look compares: means (Welch, the default) or 20%-trimmed means (Yuen). */
  statistic?: Statistic
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
  const { baseline, candidate, names, leftOut } = selectResults(files, options)
  const first = files[0]!
  const sources = {
    baseline: sourceOf(names.baseline, baseline),
    candidate: sourceOf(names.candidate, candidate)
  }
  const benchmark = options.name ?? benchmarkName(first)
  checkNoFailedRuns(benchmark, [{ sources }])
  const design = placedDesign(baseline.times.length, candidate.times.length, options)
  const analysis = analyse(baseline.times, candidate.times, { ...options, design, names })
  if (leftOut.length > 0) analysis.comparison.warnings.unshift(leftOutWarning(leftOut))
  const results = resultsFile(
    benchmark,
    sources,
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
 * The design of a comparison read from files: the recorded one replayed, else `looks`
 * placed on the samples the two groups hold, each regression test at alpha/familySize.
 */
export function placedDesign(
  baseline: number,
  candidate: number,
  options: Pick<ReanalysisDesign, 'alpha' | 'looks' | 'design' | 'familySize' | 'statistic'>
): Design {
  if (options.design) return planDesign(options.design.looks, options.alpha, options.design)
  // `looks` is the most to use, as in `run`: never more than the samples allow (a group
  // too small to compare is named by the analysis).
  const looks = Math.max(1, Math.min(options.looks, baseline, candidate))
  return planDesign(placeLooks({ baseline, candidate }, looks), options.alpha, {
    familySize: options.familySize ?? 1,
    statistic: options.statistic ?? 'mean'
  })
}

/**
 * Every result not compared, named: `--candidate` picked one of more than two (a
 * hyperfine run of several commands, a parameter scan), and none is dropped in silence.
 */
function leftOutWarning(leftOut: readonly string[]): string {
  const shown = leftOut.slice(0, MAX_LEFT_OUT).map(name => JSON.stringify(name))
  const more = leftOut.length - shown.length
  const names = more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ')
  return `${leftOut.length} more result${leftOut.length === 1 ? ' was' : 's were'} left out of this comparison of two: ${names}. Leave out --candidate to compare them all with the baseline.`
}

/** Names listed in the left-out warning; the rest are counted. */
const MAX_LEFT_OUT = 20

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
export function recordedContext(file: ParsedFile): {
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
