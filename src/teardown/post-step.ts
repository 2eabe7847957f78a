import { setTimeout as sleep } from 'node:timers/promises'
import {
  describeProcess,
  signalProcess,
  waitForProcesses,
  type RunningProcess
} from '../bench/process/running'
import { killTrackedProcesses } from '../bench/process/tracking'
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
/** What a spared Pulumi leaves of the budget: its SIGINT's time, then a minute to destroy. */
const SPARED_RESERVE_MS = AFTER_SECOND_SIGINT_MS + 60_000

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
 * How long the post step waits for the commands the main step left, with `leftMs` of its
 * budget left: WAIT_FOR_RUNNING_MS, and never more than half, so the destroy after it has
 * time. A Pulumi the cancellation spared (before 3.87) loses what it is creating when
 * interrupted, recorded nowhere, while a stack kept for want of time is named with what it
 * holds: it gets the whole budget but SPARED_RESERVE_MS.
 */
export function runningWaitMs(leftMs: number, spared: boolean, waitMs?: number): number {
  const ceiling = spared ? leftMs - SPARED_RESERVE_MS : leftMs / 2
  return Math.max(0, Math.min(waitMs ?? (spared ? Infinity : WAIT_FOR_RUNNING_MS), ceiling))
}

/**
 * What the action's post step does: first the commands the main step left running
 * (a cancelled `pulumi up` finishing what it started, or one still going because the
 * main step was killed) get one SIGINT if they never had one, and time to end: the
 * user's own commands their grace, then SIGKILL; Pulumi up to WAIT_FOR_RUNNING_MS, then
 * a second SIGINT, on which it stops at once (a Pulumi the cancellation spared gets its
 * first then, which stops it at once too); what an ended command started elsewhere is
 * killed (runningWaitMs says how long it waits). Only then are the stacks torn down:
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
  const spared = saved.processes.some(process => process.spareOnCancel)
  const waitMs = runningWaitMs(deadline - Date.now(), spared, options.waitMs)
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
