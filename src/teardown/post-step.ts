import { setTimeout as sleep } from 'node:timers/promises'
import {
  describeProcess,
  signalProcess,
  waitForProcesses,
  type RunningProcess
} from '../bench/running'
import { killTrackedProcesses } from '../bench/tracking'
import type { Redact } from '../core/redact'
import { StackLedger } from './ledger'
import type { SavedRun } from './saved-state'
import { runTeardown, type TeardownReport } from './teardown'

/**
 * The post step's time. A cancelled job's remaining steps, post steps included, must
 * end within its cancel-timeout-minutes (default 5) of the cancel: the runner kills
 * the worker 15 s before that (actions/runner src/Runner.Listener/JobDispatcher.cs,
 * WorkerDispatcher.Cancel), and the main step used up to 10 s of it.
 */
const POST_STEP_BUDGET_MS = 4 * 60_000
/**
 * The same budget counted from the cancel: the steps between the main and the post
 * step (an `upload-artifact` with `if: always()`) use up the cancel's 5 minutes too.
 */
const AFTER_CANCEL_BUDGET_MS = 4 * 60_000 + 30_000
/** How long Pulumi gets to finish the operations it had in flight after its SIGINT. */
const WAIT_FOR_RUNNING_MS = 90_000
/** After a second SIGINT Pulumi stops at once (pkg/backend/cancellation_scope.go). */
const AFTER_SECOND_SIGINT_MS = 15_000

export interface FinishOptions {
  log: (line: string) => void
  redact?: Redact
  waitMs?: number
  afterSecondSigintMs?: number
  budgetMs?: number
}

/**
 * When the post step must be done: POST_STEP_BUDGET_MS from its start, and no later
 * than AFTER_CANCEL_BUDGET_MS after the cancel, whatever ran between the two steps.
 */
export function postStepDeadline(now: number, budgetMs: number, cancelledAt?: number): number {
  const fromStart = now + budgetMs
  return cancelledAt === undefined
    ? fromStart
    : Math.min(fromStart, cancelledAt + AFTER_CANCEL_BUDGET_MS)
}

/**
 * What the action's post step does: first the commands the main step left running
 * (a cancelled `pulumi up` finishing what it started, or one still going because the
 * main step was killed) get one SIGINT if they never had one, and time to end: the
 * user's own commands their grace, then SIGKILL; Pulumi up to WAIT_FOR_RUNNING_MS, then
 * a second SIGINT, on which it stops at once (a Pulumi the cancellation spared gets its
 * first then, which stops it at once too); what an ended command started elsewhere is
 * killed. Only then are the stacks torn down:
 * nothing of ours runs on them any more, so a lock they hold is stale. A stack
 * something still runs on is kept and reported.
 */
export async function finishTeardown(
  saved: SavedRun,
  options: FinishOptions
): Promise<TeardownReport> {
  const deadline = postStepDeadline(
    Date.now(),
    options.budgetMs ?? POST_STEP_BUDGET_MS,
    saved.cancelledAt
  )
  const ledger = StackLedger.restore(saved.stacks)
  // Waiting for Pulumi may not use up the time its destroy needs after it.
  const waitMs = Math.max(
    0,
    Math.min(options.waitMs ?? WAIT_FOR_RUNNING_MS, (deadline - Date.now()) / 2)
  )
  const interrupted = saved.processes.map(process =>
    process.interruptible && !process.spareOnCancel && process.interrupts === 0
      ? signalProcess(process, 'SIGINT')
      : process
  )
  let left = await waitForProcesses(interrupted, 0)
  const killAfterMs = Math.max(0, ...left.map(process => process.killAfterMs ?? 0))
  if (killAfterMs > 0) {
    await sleep(killAfterMs)
    left = left.map(process =>
      process.killAfterMs === undefined ? process : signalProcess(process, 'SIGKILL')
    )
  }
  left = await waitForProcesses(left, 0)
  if (left.length > 0) {
    options.log(`Waiting up to ${waitMs / 1000} s for ${describe(left)} to finish`)
    left = await waitForProcesses(left, waitMs)
  }
  if (left.length > 0) {
    options.log(`Still running, stopping at once: ${describe(left)}`)
    const stopped = left.map(process =>
      process.interruptible ? signalProcess(process, 'SIGINT') : process
    )
    left = await waitForProcesses(stopped, options.afterSecondSigintMs ?? AFTER_SECOND_SIGINT_MS)
  }
  // A command that ended may leave its plugins behind (a Pulumi stopped at once does,
  // and they run in process groups of their own): they end with it.
  for (const ended of saved.processes.filter(process => !left.some(l => l.pid === process.pid))) {
    if (ended.trackingId !== undefined) killTrackedProcesses(ended.trackingId)
  }
  if (ledger.stacks.length > 0) {
    options.log(`Removing ${ledger.stacks.length} stack(s) left by the main step`)
  }
  return runTeardown(saved.plan, ledger, {
    onStop: 'keep',
    busy: left,
    deadline,
    log: options.log,
    ...(options.redact ? { redact: options.redact } : {})
  })
}

function describe(processes: RunningProcess[]): string {
  return processes.map(describeProcess).join(', ')
}
