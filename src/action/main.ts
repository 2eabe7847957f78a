import * as core from '@actions/core'
import { readActionInputs } from './inputs'
import { runMode } from './run-mode'
import { reportMode } from './report-mode'
import { Input } from '../config/inputs'
import { parseChoice } from '../config/parse'
import { inputValue } from '../config/run-config'
import { describeError } from '../core/errors'

/** The action's main step: one try/catch that ends in core.setFailed. */
export async function run(): Promise<void> {
  try {
    const raw = readActionInputs()
    // An unexpanded `${{ github.token }}` (local-action passes action.yml's default
    // as text) is no token at all.
    const given = raw[Input.GithubToken] ?? ''
    const token = given.startsWith('${{') ? '' : given
    if (token !== '') core.setSecret(token)
    const mode = parseChoice(Input.Mode, inputValue(raw, Input.Mode) ?? 'run', ['run', 'report'])
    await (mode === 'report' ? reportMode(raw, token) : runMode(raw, token))
  } catch (error) {
    core.setFailed(describeError(error))
  }
}
