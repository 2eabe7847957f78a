import * as core from '@actions/core'
import { Input, Output, type RawInputs } from '../../config/inputs'
import { inputValue, parseReporting, parseRunConfig, type RunConfig } from '../../config/run-config'
import type { CommentSettings } from '../../github/publish'
import { existsSync } from 'node:fs'
import { workflowRunUrl } from '../../core/run-url'
import { failedAnswer, runAnswer } from '../../run/answer'
import { publishAnswer } from '../answer'
import { publishReport } from '../publish'
import type { ActionLog } from '../log'
import { measureInAction } from '../guarded-run'

/**
 * `mode: run`: measure, analyse, write the results, report, and fail on a regression.
 * A run that fails still reports, so no earlier verdict stays on the pull request.
 * Cancelled, it reports what it has (measureInAction).
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
  const answer = failedAnswer({ benchmark: name, error }, { runUrl: workflowRunUrl(process.env) })
  // Only published: the caller throws the error, whose one line the main step reports.
  const render = (logs: boolean) => answer.render('markdown', logs) ?? ''
  await publishReport({ render, verdict: answer.verdict, reporting, token, log })
}

function measureAndPublish(
  config: RunConfig,
  reporting: CommentSettings,
  token: string,
  log: ActionLog
): Promise<void> {
  return measureInAction(config, log, async outcome => {
    const answer = runAnswer(config, outcome, workflowRunUrl(process.env))
    await publishAnswer(answer, { reporting, token, log })
  })
}
