import * as core from '@actions/core'
import type { Answer } from '../run/answer'
import type { ActionLog } from './log'

/** The answer's outputs, for the steps after this one. */
export function setOutputs(outputs: Answer['outputs']): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
}

/**
 * The answer's headline in the log on every run (SPEC §3), as the step's error when the
 * check fails; then what fails the step beside it (thrown, for the main step to report).
 */
export function announce(answer: Answer, log: ActionLog): void {
  if (answer.headline !== undefined) {
    if (answer.fails) log.fail(answer.headline)
    else log.info(answer.headline)
  }
  if (answer.error) throw answer.error
}
