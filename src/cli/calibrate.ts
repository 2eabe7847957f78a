import { Input, type RawInputs } from '../config/inputs'
import { parseChoice } from '../config/parse'
import { parseRunConfig } from '../config/run-config'
import { InputError } from '../core/errors'
import { renderCalibration } from '../report/calibration-text'
import { calibrate } from '../results/calibration'
import { writeResults } from '../results/write'
import { FORMATS, RUN_FLAGS, parseFlags, type Subcommand } from './flags'
import { measure } from './run'

/** The run flags `calibrate` sets itself: both groups are the one thing under test, every sample runs. */
const SET_BY_CALIBRATE: readonly Input[] = [
  Input.BaselineVersion,
  Input.CandidateVersion,
  Input.BaselineCommand,
  Input.CandidateCommand,
  Input.BaselineProgram,
  Input.Looks,
  Input.FailOn,
  Input.Comment,
  Input.CommentKey,
  Input.PullRequest
]
export const CALIBRATE_FLAGS: readonly string[] = [
  'command',
  'pulumi-version',
  ...RUN_FLAGS.filter(input => !SET_BY_CALIBRATE.includes(input))
]

/**
 * `pulumi-perf-gate calibrate` (docs/cli.md "Calibrate"): runs one command or Pulumi version
 * as both groups, interleaved, for every sample, and reports what this runner can
 * promise, with the inputs to paste. Its results file is a run's, with a `calibration`
 * field, so `compare` reads it.
 */
export const calibrateCommand: Subcommand = async (argv, io) => {
  const { values, positionals, help } = parseFlags(argv, [...CALIBRATE_FLAGS, 'format'])
  if (help) return 'help'
  if (positionals.length > 0) {
    throw new InputError(
      `calibrate takes only --flags; unexpected ${JSON.stringify(positionals[0])}`
    )
  }
  const { command, 'pulumi-version': version, format: formatFlag, ...flags } = values
  if ((command === undefined) === (version === undefined)) {
    throw new InputError(
      'calibrate needs one of --command (a shell command) or --pulumi-version (a Pulumi version or path), not both'
    )
  }
  const format = parseChoice('--format', formatFlag ?? 'text', FORMATS)
  const raw: RawInputs = {
    ...flags,
    [Input.Name]: flags[Input.Name] ?? 'calibrate',
    [Input.Looks]: '1',
    [Input.FailOn]: 'never',
    [Input.Comment]: 'never',
    ...(command === undefined
      ? { [Input.BaselineVersion]: version, [Input.CandidateVersion]: version }
      : { [Input.BaselineCommand]: command, [Input.CandidateCommand]: command })
  }
  const config = parseRunConfig(raw, io.env)
  const { outcome } = await measure(config, io)
  if (!outcome.finished) throw outcome.error
  const { results } = outcome
  const calibration = calibrate(results, {
    alpha: config.decision.alpha,
    threshold: config.decision.threshold,
    thresholdText: flags[Input.Threshold] ?? '5%'
  })
  const calibrated = { ...results, calibration }
  await writeResults(config.resultsFile, calibrated, io.redact)
  io.stderr(`Results: ${config.resultsFile}\n`)
  return {
    output:
      format === 'json'
        ? `${JSON.stringify(calibrated, null, 2)}\n`
        : `${renderCalibration(calibration, results.benchmark)}\n`,
    verdict: 'unchanged',
    failOn: 'never'
  }
}
