import { parseChoice } from '../config/parse'
import { parseCalibrationConfig, SET_BY_CALIBRATE } from '../config/calibration-config'
import { InputError } from '../core/errors/errors'
import { FORMATS } from '../run/answer'
import { calibrateResults, calibrationAnswer } from '../run/calibration-run'
import { RUN_FLAGS, parseFlags, type Subcommand } from './flags'
import { measure } from './run'

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
  const subject =
    command === undefined
      ? { kind: 'pulumi' as const, version: version! }
      : { kind: 'command' as const, command }
  const { config, thresholdText } = parseCalibrationConfig(flags, subject, io.env)
  const { outcome } = await measure(config, io)
  if (!outcome.finished) throw outcome.error
  const calibrated = await calibrateResults(config, outcome.results, thresholdText, io.redact)
  io.stderr(`Results: ${config.resultsFile}\n`)
  return { answer: calibrationAnswer(calibrated), format }
}
