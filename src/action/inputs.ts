import * as core from '@actions/core'
import { Input, type RawInputs } from '../config/inputs'

/** Every input as the runner passes it (empty when unset and without a default). */
export function readActionInputs(): RawInputs {
  return Object.fromEntries(Object.values(Input).map(input => [input, core.getInput(input)]))
}
