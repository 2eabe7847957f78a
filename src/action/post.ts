import * as core from '@actions/core'
import { describeError } from '../core/errors'
import { StackLedger } from '../pulumi/ledger'
import { State } from '../config/inputs'

/**
 * The post step (`post-if: always()`): destroys any stack the main step recorded but
 * did not remove, e.g. because the job was cancelled and the main step killed. It
 * only warns: cleanup trouble never changes the job's result.
 */
export async function cleanUpAfterMain(): Promise<void> {
  try {
    const saved = core.getState(State.Stacks)
    if (saved === '') return
    const ledger = StackLedger.restore(saved)
    if (ledger.stacks.length === 0) return
    core.info(`Removing ${ledger.stacks.length} stack(s) left by the main step`)
    for (const warning of await ledger.destroyAll()) core.warning(warning)
  } catch (error) {
    core.warning(`post step: ${describeError(error)}`)
  }
}
