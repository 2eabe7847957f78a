import * as core from '@actions/core'
import { Input, State } from '../config/inputs'
import { describeError } from '../core/errors/errors'
import { configValues } from '../pulumi/stack/config-input'
import { stepSecrets } from '../report/format/redact'
import { finishTeardown } from '../teardown/post-step'
import { decodeSavedRun } from '../teardown/saved-state'
import { actionLog } from './log'

/**
 * The post step (`post-if: always()`): finishes what the main step left after a
 * cancellation or a kill: waits for the commands it left running, destroys and removes
 * its stacks, runs the user's cleanup. A stack that could not be removed, or whose
 * state shows pending operations, fails the step, named with what it holds. A Pulumi
 * error it passes on may hold a credential: its lines are redacted as the main step's are.
 */
export async function cleanUpAfterMain(): Promise<void> {
  const config = configValues(core.getInput(Input.Config))
  const log = actionLog(stepSecrets(process.env, core.getInput(Input.GithubToken), config).redact)
  try {
    const saved = decodeSavedRun({
      stacks: core.getState(State.Stacks),
      plan: core.getState(State.Teardown),
      processes: core.getState(State.Processes),
      cancelledAt: core.getState(State.CancelledAt)
    })
    if (saved === undefined) return
    const report = await finishTeardown(saved, { log: log.info, redact: log.redact })
    for (const warning of report.warnings) log.warn(warning)
    if (report.kept.length > 0) log.fail(report.kept.join('\n'))
  } catch (error) {
    // What the main step left is unknown: that is never success.
    log.fail(`post step: ${describeError(error)}`)
  }
}
