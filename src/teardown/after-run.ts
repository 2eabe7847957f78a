import {
  describeProcess,
  killRunningProcesses,
  runningProcesses,
  waitForRunningProcesses
} from '../bench/process/running'
import { USER_COMMAND_STOP } from '../bench/process/spawn'
import type { Redact } from '../core/redact'
import type { StackLedger } from '../teardown/ledger'
import { runTeardown, type TeardownReport } from './teardown'
import type { TeardownPlan } from './plan'

/** Commands still running after a second Ctrl-C get this long before they are killed. */
const AFTER_SECOND_SIGNAL_MS = 10_000

/**
 * Names the commands a cancellation let run on (a Pulumi before 3.87, stacks.ts
 * pulumiPhaseStop), so a run that goes on after the cancel says why.
 */
function sayWhySpared(info: (line: string) => void, until: string): void {
  const spared = runningProcesses().filter(process => process.spareOnCancel)
  if (spared.length === 0) return
  info(
    `${spared.map(describeProcess).join(', ')} is left to finish: before 3.87 Pulumi's first ` +
      `SIGINT kills its providers and loses what they were creating; ${until}`
  )
}

/** What of the run's hooks (RunHooks in pipeline.ts) the end of a run uses. */
export interface EndOfRunHooks {
  info: (line: string) => void
  warn: (line: string) => void
  saveTeardown?: (serialized: string) => void
  signal?: AbortSignal
  teardownSignal?: AbortSignal
  deferTeardown?: boolean
  redact?: Redact
}

/**
 * The end of every run. After a cancellation the action leaves it to its post step;
 * the command line first lets the interrupted commands finish what they started, as
 * long as no second Ctrl-C says otherwise.
 */
export async function tearDownAfterRun(
  plan: TeardownPlan,
  ledger: StackLedger,
  hooks: EndOfRunHooks
): Promise<TeardownReport> {
  if (hooks.signal?.aborted) {
    if (hooks.deferTeardown) {
      // The user's own commands end within their grace; Pulumi takes what it takes.
      await waitForRunningProcesses(
        USER_COMMAND_STOP.graceMs + 1000,
        undefined,
        process => process.killAfterMs !== undefined
      )
      const left = runningProcesses().map(describeProcess)
      if (left.length > 0) hooks.info(`Still finishing after the cancel: ${left.join(', ')}`)
      sayWhySpared(hooks.info, 'the post step waits for it')
      if (ledger.stacks.length > 0) {
        const stacks = ledger.stacks.map(ref => ref.stack).join(', ')
        hooks.info(`The post step destroys and removes the stacks: ${stacks}`)
      }
      return { kept: [], warnings: [], deferred: true }
    }
    if (runningProcesses().length > 0) {
      hooks.info('Waiting for the interrupted commands to finish what they started')
      sayWhySpared(hooks.info, 'a second Ctrl-C stops it at once')
      await waitForRunningProcesses(Infinity, hooks.teardownSignal)
    }
  }
  if (hooks.teardownSignal?.aborted && !hooks.deferTeardown) {
    // Pulumi stops at once on its second SIGINT; anything else gets a short grace.
    if (!(await waitForRunningProcesses(AFTER_SECOND_SIGNAL_MS))) {
      killRunningProcesses()
      await waitForRunningProcesses(AFTER_SECOND_SIGNAL_MS)
    }
  }
  const report = await runTeardown(plan, ledger, {
    ...(hooks.teardownSignal ? { stop: hooks.teardownSignal } : {}),
    onStop: hooks.deferTeardown ? 'defer' : 'keep',
    log: hooks.info,
    ...(hooks.redact ? { redact: hooks.redact } : {})
  })
  for (const warning of report.warnings) hooks.warn(warning)
  if (!report.deferred) hooks.saveTeardown?.('')
  return report
}
