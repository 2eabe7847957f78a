import { InputError } from '../core/errors/errors'
import { Input, type RawInputs } from './inputs'
import { inputValue, parseRunConfig, type RunConfig } from './run-config'

/** What `calibrate` runs as both groups: one shell command, or one Pulumi version (or path). */
export type CalibrationSubject =
  { kind: 'command'; command: string } | { kind: 'pulumi'; version: string }

/** The inputs `calibrate` sets itself: both groups are the subject, every sample runs. */
export const SET_BY_CALIBRATE: readonly Input[] = [
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

/**
 * The action's `mode: calibrate` names its subject with the run's own inputs: the
 * `baseline-version` or the `baseline-command` a gate on this runner would use. The
 * candidate inputs are refused, not ignored: calibrate compares nothing.
 */
export function actionCalibrationSubject(raw: RawInputs): CalibrationSubject {
  for (const input of [Input.CandidateVersion, Input.CandidateCommand]) {
    if (inputValue(raw, input) !== undefined) {
      throw new InputError(
        `${input} does not apply to mode calibrate: it runs ${Input.BaselineVersion} or ${Input.BaselineCommand} as both groups`
      )
    }
  }
  const version = inputValue(raw, Input.BaselineVersion)
  const command = inputValue(raw, Input.BaselineCommand)
  if ((version === undefined) === (command === undefined)) {
    throw new InputError(
      `mode calibrate needs one of ${Input.BaselineVersion} (a Pulumi version or path) or ${Input.BaselineCommand} (a shell command), not both`
    )
  }
  return command === undefined
    ? { kind: 'pulumi', version: version! }
    : { kind: 'command', command }
}

/**
 * The run of a calibration: the subject as both groups, one look (every sample runs),
 * never failing on a verdict nor commenting; everything else as the user gave it.
 * `thresholdText` is the threshold as written, for the inputs to paste.
 */
export function parseCalibrationConfig(
  raw: RawInputs,
  subject: CalibrationSubject,
  env: NodeJS.ProcessEnv
): { config: RunConfig; thresholdText: string } {
  const own = Object.fromEntries(
    Object.entries(raw).filter(([input]) => !SET_BY_CALIBRATE.includes(input as Input))
  )
  const config = parseRunConfig(
    {
      ...own,
      [Input.Name]: inputValue(raw, Input.Name) ?? 'calibrate',
      [Input.Looks]: '1',
      [Input.FailOn]: 'never',
      [Input.Comment]: 'never',
      ...(subject.kind === 'pulumi'
        ? { [Input.BaselineVersion]: subject.version, [Input.CandidateVersion]: subject.version }
        : { [Input.BaselineCommand]: subject.command, [Input.CandidateCommand]: subject.command })
    },
    env
  )
  // The threshold as the user wrote it, to paste back.
  return { config, thresholdText: inputValue(raw, Input.Threshold)! } // it has a default
}
