import { Input } from '../config/inputs'
import { parseChoice, parseInteger } from '../config/parse'
import { parseDecision, parseFamilySize } from '../config/run-config'
import { InputError } from '../core/errors/errors'
import { MAX_LOOKS } from '../core/limits'
import { STATISTICS } from '../stats/tests/test-kind'
import { workflowRunUrl } from '../core/run-url'
import { readResultsFile } from '../results/read/read'
import { FailedRuns } from '../results/build/failed-runs'
import { analyseFiles } from '../results/reanalyse/reanalyse'
import { replayOwnFile } from '../results/reanalyse/replay'
import type { ResultsFile } from '../results/schema'
import { analyseSweepFiles } from '../results/reanalyse/sweep-reanalyse'
import { FORMATS, failedAnswer, resultsAnswer } from '../run/answer'
import { parseFlags, type Subcommand } from './flags'

const FLAGS = [
  'baseline',
  'candidate',
  'alpha',
  'threshold',
  'looks',
  'family-size',
  'statistic',
  'fail-on',
  'format',
  'name'
]

/**
 * `pulumi-perf-gate compare FILE [FILE]`: re-analyses hyperfine-format results; more
 * than two results, unless `--candidate` picks one, are all compared with the baseline
 * as a sweep (docs/sweep.md). The threshold defaults to 0% here (plain Welch) and looks to 1, placed on the samples
 * the files hold.
 */
export const compareCommand: Subcommand = async (argv, io) => {
  const { values, positionals, help } = parseFlags(argv, FLAGS)
  if (help) return 'help'
  if (positionals.length < 1 || positionals.length > 2) {
    throw new InputError(
      `compare takes one file with two or more results, or two files with one each; got ${positionals.length} files`
    )
  }
  const decision = parseDecision({
    [Input.Alpha]: values.alpha,
    [Input.Threshold]: values.threshold ?? '0%',
    [Input.FailOn]: values['fail-on']
  })
  const given = {
    ...(values.alpha === undefined ? {} : { alpha: decision.alpha }),
    ...(values.threshold === undefined ? {} : { threshold: decision.threshold })
  }
  const format = parseChoice('--format', values.format ?? 'text', FORMATS)
  const looks = parseInteger('--looks', values.looks ?? '1', { min: 1, max: MAX_LOOKS })
  const familySize = parseFamilySize({ [Input.FamilySize]: values['family-size'] })
  const statistic =
    values.statistic === undefined
      ? undefined
      : parseChoice('--statistic', values.statistic, STATISTICS)
  const files = await Promise.all(positionals.map(path => readResultsFile(path)))
  const runUrl = workflowRunUrl(io.env)
  // A file of ours, re-analysed whole, gives the verdict its run recorded (SPEC §4);
  // picking results or changing looks, family or statistic leaves its design.
  const ownDesign =
    files.length === 1 &&
    values.baseline === undefined &&
    values.candidate === undefined &&
    values.looks === undefined &&
    values['family-size'] === undefined &&
    statistic === undefined
  let results: ResultsFile
  try {
    const replayed = ownDesign ? replayOwnFile(files[0]!, given) : undefined
    if (replayed !== undefined) {
      const name = values.name
      if (name !== undefined) replayed.benchmark = name
      return { answer: resultsAnswer(replayed, { failOn: decision.failOn, runUrl }), format }
    }
    const design = {
      ...decision,
      looks,
      familySize,
      baseline: values.baseline,
      name: values.name,
      ...(statistic === undefined ? {} : { statistic })
    }
    // More than two results and no one candidate named: all compared, as a sweep.
    const sweep =
      values.candidate === undefined &&
      files.reduce((sum, file) => sum + file.results.length, 0) > 2
    results = sweep
      ? analyseSweepFiles(files, design)
      : analyseFiles(files, { ...design, candidate: values.candidate }).results
  } catch (error) {
    if (!(error instanceof FailedRuns)) throw error
    // No verdict: the report of the failures, and exit 1 whatever --fail-on says.
    const run = { benchmark: error.partial.benchmark, error, partial: error.partial }
    return { answer: failedAnswer(run, { runUrl }), format }
  }
  return { answer: resultsAnswer(results, { failOn: decision.failOn, runUrl }), format }
}
