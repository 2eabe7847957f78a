import * as core from '@actions/core'
import { actionLog } from './log'
import { runMode } from './modes/run-mode'
import { reportMode } from './modes/report-mode'
import { calibrateMode } from './modes/calibrate-mode'
import { bisectMode } from './modes/bisect-mode'
import { BISECT_INPUTS, Input, type RawInputs } from '../config/inputs'
import { parseChoice } from '../config/parse'
import { inputValue } from '../config/run-config'
import { describeError, InputError } from '../core/errors/errors'
import { NO_SECRETS } from '../core/redact'
import { configValues } from '../pulumi/stack/config-input'
import { stepSecrets } from '../report/format/redact'
import type { ActionLog } from './log'

type Mode = (raw: RawInputs, token: string, log: ActionLog) => Promise<void>

const MODES: Record<'run' | 'report' | 'calibrate' | 'bisect', Mode> = {
  run: runMode,
  report: reportMode,
  // Calibrate comments on no pull request: it needs no token.
  calibrate: (raw, _token, log) => calibrateMode(raw, log),
  bisect: bisectMode
}

/** Every input as the runner passes it (empty when unset and without a default). */
function readActionInputs(): RawInputs {
  return Object.fromEntries(Object.values(Input).map(input => [input, core.getInput(input)]))
}

/** The action's main step: one try/catch that ends in core.setFailed. */
export async function run(): Promise<void> {
  let log = actionLog(NO_SECRETS)
  try {
    const raw = readActionInputs()
    // An unexpanded `${{ github.token }}` (local-action passes action.yml's default
    // as text) is no token at all.
    const given = raw[Input.GithubToken] ?? ''
    const token = given.startsWith('${{') ? '' : given
    // Masked in the runner's log (which masks its own tokens already); the redactor also
    // keeps them out of what the step writes: comment, summary, results file, logs.
    const secrets = stepSecrets(process.env, token, configValues(raw[Input.Config] ?? ''))
    for (const secret of secrets.values) core.setSecret(secret)
    log = actionLog(secrets.redact)
    const modes = Object.keys(MODES) as (keyof typeof MODES)[]
    const mode = parseChoice(Input.Mode, inputValue(raw, Input.Mode) ?? 'run', modes)
    // An input another mode reads would be ignored here: the user meant something else.
    const ignored = BISECT_INPUTS.find(input => inputValue(raw, input) !== undefined)
    if (mode !== 'bisect' && ignored !== undefined) {
      throw new InputError(`${ignored} applies to mode: bisect only; leave it out in mode: ${mode}`)
    }
    await MODES[mode](raw, token, log)
  } catch (error) {
    log.fail(describeError(error))
  }
}
