import * as core from '@actions/core'
import { Input, Output, type RawInputs } from '../config/inputs'
import { inputValue, parseReporting, parseRunConfig, type RunConfig } from '../config/run-config'
import type { CommentSettings } from '../github/publish'
import { existsSync } from 'node:fs'
import { workflowRunUrl } from '../core/run-url'
import { renderFailedMarkdown } from '../report/failed'
import { headline, renderMarkdown } from '../report/markdown'
import { stepVerdict } from '../results/phases'
import type { ResultsFile } from '../results/schema'
import { runLogDir } from '../run/log-dir'
import { runPipeline } from '../run/pipeline'
import { StacksKept } from '../run/stacks-kept'
import { failsCheck } from '../stats/verdict'
import type { ActionLog } from './log'
import { guardedRun } from './guarded-run'
import { publishReport } from './publish'

export { MAIN_STEP_DEADLINE_MS } from './guarded-run'

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
  const pulumi = config.target.kind === 'pulumi'
  const logDir = () => runLogDir(config.resultsFile)
  await guardedRun({ log, pulumi, logDir }, async ({ hooks, restoreFiles }) => {
    const outcome = await runPipeline(config, hooks)
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
  })
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
