import * as core from '@actions/core'
import type { RunningProcess } from '../bench/running'
import { Input, State } from '../config/inputs'
import { describeError } from '../core/errors'
import { configValues } from '../pulumi/config-input'
import { stepSecrets } from '../report/redact'
import { StackLedger } from '../pulumi/ledger'
import { finishTeardown } from '../run/finish-teardown'
import { restorePlan } from '../run/teardown-plan'
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
    const stacks = core.getState(State.Stacks)
    const plan = core.getState(State.Teardown)
    const ledger = stacks === '' ? new StackLedger() : StackLedger.restore(stacks)
    if (plan === '' && ledger.stacks.length === 0) return
    if (plan === '') throw new Error('the main step saved stacks but not the rest of its teardown')
    const report = await finishTeardown(
      { plan: restorePlan(plan), ledger, processes: readProcesses(core.getState(State.Processes)) },
      { log: log.info, redact: log.redact, ...cancelledAt(core.getState(State.CancelledAt)) }
    )
    for (const warning of report.warnings) log.warn(warning)
    if (report.kept.length > 0) log.fail(report.kept.join('\n'))
  } catch (error) {
    // What the main step left is unknown: that is never success.
    log.fail(`post step: ${describeError(error)}`)
  }
}

function cancelledAt(saved: string): { cancelledAt?: number } {
  const time = Number(saved)
  return saved !== '' && Number.isFinite(time) ? { cancelledAt: time } : {}
}

function readProcesses(saved: string): RunningProcess[] {
  if (saved === '') return []
  const processes: unknown = JSON.parse(saved)
  const valid =
    Array.isArray(processes) &&
    processes.every(
      process =>
        typeof process === 'object' &&
        process !== null &&
        typeof (process as RunningProcess).pid === 'number' &&
        typeof (process as RunningProcess).interrupts === 'number'
    )
  if (!valid)
    throw new Error(`the saved list of running commands is not readable: ${saved.slice(0, 80)}`)
  return processes as RunningProcess[]
}
