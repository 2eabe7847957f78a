import { onRunningProcessesChange } from '../bench/process/running'
import { State } from '../config/inputs'
import { redactLogs } from '../bench/log'
import { BenchmarkError } from '../core/errors/errors'
import type { RunConfig } from '../config/run-config'
import { runLogDir } from '../run/pipeline/log-dir'
import { runPipeline, type RunHooks, type RunOutcome } from '../run/pipeline/pipeline'
import { withInterrupts } from '../run/pipeline/signals'
import { guardFileCommands } from './file-commands'
import type { ActionLog } from './log'

/**
 * How long after a cancellation's SIGINT the main step leaves, whatever it is doing:
 * the runner sends SIGTERM 7.5 s and SIGKILL 10 s after it (actions/runner
 * src/Runner.Sdk/ProcessInvoker.cs). What is unfinished is in the saved state, for
 * the post step.
 */
export const MAIN_STEP_DEADLINE_MS = 6000

/** The main step was cancelled and left the rest to its post step. */
class LeftForPostStep extends BenchmarkError {
  override name = 'LeftForPostStep'
}

/** What the measuring part of a mode gets: the run's hooks and a way to put the file commands back. */
export interface GuardedRun {
  hooks: RunHooks
  /** Cuts off what the commands appended to the runner's file commands; call before writing outputs. */
  restoreFiles: () => void
}

/**
 * Runs `measure` as the action's modes that measure must (`run`, `calibrate`, `bisect`): every
 * command of ours saved as state for the post step, the file commands guarded, and a
 * cancellation forwarded as one SIGINT, leaving the teardown to the post step within
 * MAIN_STEP_DEADLINE_MS. After a cancel the logs in `logDir()` are redacted at once.
 */
export async function guardedRun(
  options: { log: ActionLog; pulumi: boolean; logDir: () => string },
  measure: (run: GuardedRun) => Promise<void>
): Promise<void> {
  const { log } = options
  const files = guardFileCommands(process.env)
  const restoreFiles = () => {
    for (const warning of files.restore()) log.warn(warning)
  }
  // Every command of ours that runs is in the state, so a post step after a kill finds it.
  const stopSaving = onRunningProcessesChange(processes =>
    files.saveState(State.Processes, JSON.stringify(processes))
  )
  let cancelled = false
  try {
    await withInterrupts(
      interrupts => {
        const hooks: RunHooks = {
          progress: log.info,
          info: log.info,
          warn: log.warn,
          redact: log.redact,
          saveStacks: serialized => files.saveState(State.Stacks, serialized),
          saveTeardown: serialized => files.saveState(State.Teardown, serialized),
          signal: interrupts.first,
          teardownSignal: interrupts.first,
          deferTeardown: true,
          env: process.env
        }
        return Promise.race([measure({ hooks, restoreFiles }), deadlineAfter(interrupts.first)])
      },
      {
        forward: 'first',
        onSignal: (signal, count) => {
          if (!cancelled) files.saveState(State.CancelledAt, String(Date.now()))
          cancelled = true
          log.warn(interruptMessage(signal, count, options.pulumi))
        }
      }
    )
  } finally {
    stopSaving()
    // Left for the post step, the run may not have got that far.
    restoreFiles()
    // Cancelled, the teardown (which redacts the logs last) is the post step's, but a
    // step between the two (`upload-artifact` with `if: always()`) reads the logs first.
    // What a command still running writes after this goes to the replaced file: lost.
    if (cancelled) {
      for (const warning of await redactLogs(options.logDir(), log.redact)) {
        log.warn(warning)
      }
    }
  }
}

/** Rejects MAIN_STEP_DEADLINE_MS after `signal` fires; never without it. */
function deadlineAfter(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    signal.addEventListener(
      'abort',
      () => {
        const timer = setTimeout(() => {
          reject(
            new LeftForPostStep(
              'the job was cancelled; what is left to stop and remove is left to the post step'
            )
          )
        }, MAIN_STEP_DEADLINE_MS)
        timer.unref()
      },
      { once: true }
    )
  })
}

function interruptMessage(signal: NodeJS.Signals, count: number, pulumi: boolean): string {
  if (count === 1) {
    return pulumi
      ? `Received ${signal}: stopping the benchmark; Pulumi finishes the operations in flight, and the post step destroys and removes the stacks`
      : `Received ${signal}: stopping the benchmark; the post step runs what is left of the teardown`
  }
  return `Received ${signal}: already stopping`
}

/**
 * One run of the pipeline under the guard (`run`, `calibrate`): `report` publishes its
 * outcome, after the file commands are put back and within the same deadline.
 */
export function measureInAction(
  config: RunConfig,
  log: ActionLog,
  report: (outcome: RunOutcome) => Promise<void>
): Promise<void> {
  const pulumi = config.target.kind === 'pulumi'
  const logDir = () => runLogDir(config.resultsFile)
  return guardedRun({ log, pulumi, logDir }, async ({ hooks, restoreFiles }) => {
    const outcome = await runPipeline(config, hooks)
    restoreFiles()
    await report(outcome)
  })
}
