import { rm, rmdir } from 'node:fs/promises'
import { join } from 'node:path'
import { runCleanup } from '../bench/cleanup'
import { redactLogs } from '../bench/log'
import { describeProcess, type RunningProcess } from '../bench/process/running'
import type { StackLedger } from '../teardown/ledger'
import { PULUMI_UPDATE_STOP, type StackRef } from '../pulumi/stack/stacks'
import { keepStack, tearDownStack, type StackFate } from '../pulumi/stack/teardown-stack'
import { BenchmarkError } from '../core/errors/errors'
import type { Redact } from '../core/redact'
import type { TeardownPlan } from './plan'

/**
 * Some stacks could not be destroyed and removed: the run fails, one line naming each
 * and what it holds, whatever else happened (docs/cancellation.md).
 */
export class StacksKept extends BenchmarkError {
  override name = 'StacksKept'
}

export interface TeardownSettings {
  /** Once it fires no further destroy starts (a cancellation, or a second Ctrl-C). */
  stop?: AbortSignal
  /**
   * Stacks left when `stop` fired: `defer` leaves them in the ledger for the action's
   * post step, which has the time; `keep` exports their state and reports them.
   */
  onStop: 'defer' | 'keep'
  /** Commands of ours still running, by the stack they work on: those stacks are kept. */
  busy?: readonly RunningProcess[]
  /** When the teardown must be over (Date.now() time; the post step's budget). */
  deadline?: number
  log: (line: string) => void
  /** Applied to the run's logs once nothing of ours writes to them any more. */
  redact?: Redact
}

export interface TeardownReport {
  /** One line per stack that was kept: the step fails on these. */
  kept: string[]
  /** Trouble that does not leak anything (the user's cleanup failed): warnings. */
  warnings: string[]
  /** The rest was left to the post step. */
  deferred: boolean
}

/**
 * Tears down what a run left, newest stack first: each stack destroyed and removed
 * when it provably owns nothing, or kept with its state exported beside the results
 * (tearDownStack); then our own backend when it is empty, the user's cleanup, the
 * secrets in the logs, our scratch folder. Every stack leaves the ledger once removed
 * or reported.
 */
export async function runTeardown(
  plan: TeardownPlan,
  ledger: StackLedger,
  options: TeardownSettings
): Promise<TeardownReport> {
  const kept: string[] = []
  const stateDir = plan.resultsDir
  // A destroy that times out gets its SIGINT and a grace to finish before the deadline.
  const timeLeft = () =>
    options.deadline === undefined
      ? plan.destroyTimeoutMs
      : Math.min(plan.destroyTimeoutMs, options.deadline - Date.now() - PULUMI_UPDATE_STOP.graceMs)
  // What a kept stack holds goes to the log in full: with the default backend, which
  // the runner deletes with RUNNER_TEMP, the log may be all that is left of it.
  const report = (ref: StackRef, fate: { problem: string; details: string[] }) => {
    kept.push(fate.problem)
    if (fate.details.length === 0) return
    options.log(`Stack ${ref.stack} was kept, holding:`)
    for (const detail of fate.details) options.log(`  ${detail}`)
  }
  for (const ref of [...ledger.stacks].reverse()) {
    const busy = options.busy?.find(process => process.tag === ref.stack)
    if (options.stop?.aborted && options.onStop === 'defer' && !busy) break
    const timeoutMs = timeLeft()
    let fate: StackFate = { kind: 'stopped' }
    if (busy) {
      const reason = `${describeProcess(busy)} still runs on it`
      fate = await keepStack(ref, reason, stateDir)
    } else if (timeoutMs <= 0) {
      fate = await keepStack(ref, 'not destroyed: no time was left', stateDir)
    } else if (!options.stop?.aborted) {
      options.log(`Destroying and removing stack ${ref.stack}`)
      fate = await tearDownStack(ref, { stateDir, timeoutMs, stop: options.stop })
    }
    if (fate.kind === 'stopped') {
      if (options.onStop === 'defer') break
      fate = await keepStack(ref, 'not destroyed: the run was interrupted', stateDir)
    }
    if (fate.kind === 'kept') report(ref, fate)
    ledger.forget(ref)
  }
  if (ledger.stacks.length > 0) return { kept, warnings: [], deferred: true }

  const warnings: string[] = []
  // Our own backend goes only when no stack of ours is kept in it.
  if (plan.ownBackendDir !== undefined && kept.length === 0) {
    await rm(plan.ownBackendDir, { recursive: true, force: true })
  }
  if (plan.cleanup !== undefined) {
    if (options.stop?.aborted) {
      warnings.push(`cleanup was not run: the run was interrupted (${plan.cleanup.command})`)
    } else {
      const { command, shell, timeoutMs: cleanupTimeoutMs } = plan.cleanup
      warnings.push(
        ...(await runCleanup([{ command: { kind: 'shell', script: command } }], shell, {
          logPath: join(plan.logDir, 'cleanup.log'),
          timeoutMs: cleanupTimeoutMs
        }))
      )
    }
  }
  if (options.redact) warnings.push(...(await redactLogs(plan.logDir, options.redact)))
  await rmdir(plan.workDir).catch(() => undefined)
  return { kept, warnings, deferred: false }
}
