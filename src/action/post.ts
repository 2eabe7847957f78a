import * as core from '@actions/core'
import { describeError } from '../core/errors'
import { knownSecrets, redactor } from '../core/redact'
import { StackLedger } from '../pulumi/ledger'
import { Input, State } from '../config/inputs'

/**
 * The post step (`post-if: always()`): destroys any stack the main step recorded but
 * did not remove, e.g. because the job was cancelled and the main step killed. It
 * only warns: cleanup trouble never changes the job's result. A Pulumi error it passes
 * on may hold a credential: warnings are redacted as the main step's are.
 */
export async function cleanUpAfterMain(): Promise<void> {
  const redact = redactor(knownSecrets(process.env, core.getInput(Input.GithubToken)))
  const warn = (line: string) => core.warning(redact(line))
  try {
    const saved = core.getState(State.Stacks)
    if (saved === '') return
    const ledger = StackLedger.restore(saved)
    if (ledger.stacks.length === 0) return
    core.info(`Removing ${ledger.stacks.length} stack(s) left by the main step`)
    for (const warning of await ledger.destroyAll()) warn(warning)
  } catch (error) {
    warn(`post step: ${describeError(error)}`)
  }
}
