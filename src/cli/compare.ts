import { parseDecision } from '../config/run-config'
import { Input } from '../config/inputs'
import { InputError } from '../errors'
import { resultsFile, sourceOf } from '../results/build'
import { benchmarkName, readResultsFile, resultName } from '../results/read'
import { selectResults } from '../results/select'
import { analyse } from '../stats/analyse'
import { parseChoice, parseInteger } from '../config/parse'
import { FORMATS, parseFlags, type Command } from './flags'
import { formatResults } from './output'

const FLAGS = ['baseline', 'candidate', 'alpha', 'threshold', 'looks', 'fail-on', 'format', 'name']

/**
 * `pulumi-perf-gate compare FILE [FILE]` (SPEC §4): re-analyses hyperfine-format
 * results. The threshold defaults to 0% here (plain Welch) and looks to 1, placed
 * on the samples the files hold.
 */
export const compareCommand: Command = async argv => {
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
  const format = parseChoice('--format', values.format ?? 'text', FORMATS)
  const looks = parseInteger('--looks', values.looks ?? '1', { min: 1 })
  const files = await Promise.all(positionals.map(readResultsFile))
  const { baseline, candidate } = selectResults(files, {
    baseline: values.baseline,
    candidate: values.candidate
  })
  const samples = Math.max(baseline.times.length, candidate.times.length)
  if (looks > samples) {
    throw new InputError(`--looks ${looks} is more than the ${samples} samples the files hold`)
  }
  const names = { baseline: resultName(baseline), candidate: resultName(candidate) }
  const analysis = analyse(baseline.times, candidate.times, {
    ...decision,
    looks,
    samples,
    names
  })
  const results = resultsFile(
    values.name ?? benchmarkName(files[0]!),
    {
      baseline: sourceOf(names.baseline, baseline),
      candidate: sourceOf(names.candidate, candidate)
    },
    analysis
  )
  return {
    output: formatResults(results, format),
    verdict: results.comparison.verdict,
    failOn: decision.failOn
  }
}
