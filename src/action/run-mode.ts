import * as core from '@actions/core'
import { onRunningProcessesChange } from '../bench/running'
import { Input, Output, State, type RawInputs } from '../config/inputs'
import { inputValue, parseReporting, parseRunConfig, type RunConfig } from '../config/run-config'
import type { CommentSettings } from '../github/publish'
import { existsSync } from 'node:fs'
import { BenchmarkError } from '../core/errors'
import { workflowRunUrl } from '../core/run-url'
import { renderFailedMarkdown } from '../report/failed'
import { headline, renderMarkdown } from '../report/markdown'
import { stepVerdict } from '../results/phases'
import type { ResultsFile } from '../results/schema'
import { redactLogs } from '../bench/log'
import { runLogDir } from '../run/log-dir'
import { runPipeline } from '../run/pipeline'
import { withInterrupts } from '../run/signals'
import { StacksKept } from '../run/stacks-kept'
import { failsCheck } from '../stats/verdict'
import type { ActionLog } from './log'
import { guardFileCommands } from './file-commands'
import { publishReport } from './publish'

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

/**
 * `mode: run`: measure, analyse, write the results, report, and fail on a regression.
 * A run that fails still reports, so no earlier verdict stays on the pull request.
 * Cancelled, it forwards one SIGINT to the running command, reports what it has and
 * leaves the teardown to the post step, within MAIN_STEP_DEADLINE_MS.
 */
export async function runMode(raw: RawInputs, token: string, log: ActionLog): Promise<void> {
  let config: RunConfig
  try {
    config = parseRunConfig(raw, process.env)
  } catch (error) {
    await reportBadInput(raw, error, token, log)
    throw error
  }
  const reporting = parseReporting(raw, process.env, config.name)
  try {
    await measureAndPublish(config, reporting, token, log)
  } finally {
    // Only a file that exists: a run stopped by bad input in its setup wrote none.
    if (existsSync(config.resultsFile)) core.setOutput(Output.ResultsFile, config.resultsFile)
  }
}

/**
 * Bad input replaces the sticky comment too, when the comment's own inputs are good:
 * an earlier verdict must not stand beside a failed check.
 */
async function reportBadInput(
  raw: RawInputs,
  error: unknown,
  token: string,
  log: ActionLog
): Promise<void> {
  const name = inputValue(raw, Input.Name) ?? 'benchmark'
  let reporting: CommentSettings
  try {
    reporting = parseReporting(raw, process.env, name)
  } catch {
    return // the comment's inputs are the bad ones: the error names them
  }
  const render = (logs: boolean) =>
    renderFailedMarkdown({ benchmark: name, error }, { runUrl: workflowRunUrl(process.env), logs })
  await publishReport({ render, verdict: 'failed', reporting, token, log })
}

async function measureAndPublish(
  config: RunConfig,
  reporting: CommentSettings,
  token: string,
  log: ActionLog
): Promise<void> {
  const files = guardFileCommands(process.env)
  const restoreFiles = () => {
    for (const warning of files.restore()) log.warn(warning)
  }
  // Every command of ours that runs is in the state, so a post step after a kill finds it.
  const stopSaving = onRunningProcessesChange(processes =>
    files.saveState(State.Processes, JSON.stringify(processes))
  )
  const measureAndReport = async (signal: AbortSignal) => {
    const outcome = await runPipeline(config, {
      progress: log.info,
      info: log.info,
      warn: log.warn,
      redact: log.redact,
      saveStacks: serialized => files.saveState(State.Stacks, serialized),
      saveTeardown: serialized => files.saveState(State.Teardown, serialized),
      signal,
      teardownSignal: signal,
      deferTeardown: true,
      env: process.env
    })
    restoreFiles()
    const runUrl = workflowRunUrl(process.env)
    if (!outcome.finished) {
      const { error, partial } = outcome
      const render = (logs: boolean) =>
        renderFailedMarkdown({ benchmark: config.name, error, partial }, { runUrl, logs })
      await publishReport({ render, verdict: 'failed', reporting, token, log })
      throw error
    }
    const { results, unwritten, kept } = outcome
    setResultOutputs(results)
    const verdict = stepVerdict(results)
    const body = renderMarkdown(results, { runUrl })
    await publishReport({
      render: () => body,
      verdict,
      reporting,
      token,
      log
    })
    // The headline in the log on every run (SPEC §3), as the step's error when it fails.
    if (failsCheck(verdict, config.decision.failOn)) log.fail(headline(results))
    else log.info(headline(results))
    if (kept.length > 0) throw new StacksKept(kept.join('\n'))
    if (unwritten) throw unwritten
  }
  let cancelled = false
  try {
    await withInterrupts(
      interrupts =>
        Promise.race([measureAndReport(interrupts.first), deadlineAfter(interrupts.first)]),
      {
        forward: 'first',
        onSignal: (signal, count) => {
          if (!cancelled) files.saveState(State.CancelledAt, String(Date.now()))
          cancelled = true
          log.warn(interruptMessage(signal, count, config.target.kind === 'pulumi'))
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
      for (const warning of await redactLogs(runLogDir(config.resultsFile), log.redact)) {
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
 * `verdict` is the step's, so a workflow reading it agrees with the check; `verdicts` has
 * each phase's; the figures are the first listed phase's (README "Outputs").
 */
function setResultOutputs(results: ResultsFile): void {
  const { comparison } = results
  // The first two results are the first phase's (phasedResultsFile).
  const mean = (group: string) =>
    results.results.find(result => result.parameters.group === group)?.mean ?? ''
  core.setOutput(Output.Verdict, stepVerdict(results))
  core.setOutput(Output.Verdicts, JSON.stringify(results.family?.verdicts ?? {}))
  core.setOutput(Output.Ratio, comparison.ratio.value)
  core.setOutput(Output.PValue, comparison.welch.pRegression)
  core.setOutput(Output.BaselineMean, mean(comparison.baseline))
  core.setOutput(Output.CandidateMean, mean(comparison.candidate))
  core.setOutput(Output.Samples, comparison.samples)
}
