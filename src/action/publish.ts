import { appendFile } from 'node:fs/promises'
import * as core from '@actions/core'
import { Output } from '../config/inputs'
import { describeError } from '../core/errors/errors'
import { commentOnPullRequest, type CommentSettings } from '../github/publish'
import type { ReportVerdict } from '../github/comment'
import type { ActionLog } from './log'

/**
 * The end of every action run, whatever its outcome: the report in the job summary,
 * the sticky comment when asked for, and the `comment-url` output. Neither a summary nor
 * a comment that cannot be written fails the step: each is a warning.
 */
export async function publishReport(options: {
  /** The report, with or without the commands' log lines (the comment's `comment-logs`). */
  render: (logs: boolean) => string
  verdict: ReportVerdict
  reporting: CommentSettings
  token: string
  log: ActionLog
}): Promise<void> {
  const { log, render, reporting } = options
  await writeJobSummary(log.redact(render(true)), log)
  const url = await commentOnPullRequest({
    ...options,
    body: log.redact(render(reporting.logs)),
    env: process.env,
    info: log.info,
    warn: log.warn
  })
  core.setOutput(Output.CommentUrl, url ?? '')
}

/** The report in the job summary; a summary that cannot be written is a warning, never a failure. */
export async function writeJobSummary(body: string, log: ActionLog): Promise<void> {
  const path = process.env.GITHUB_STEP_SUMMARY
  try {
    // The runner makes the file for each step; a local run may name one not made yet.
    if (path) await appendFile(path, '')
    await core.summary.addRaw(body, true).write()
  } catch (error) {
    core.summary.emptyBuffer()
    log.warn(
      `The job summary was not written (${describeError(error)}); the report is in the pull-request comment, when one is posted, and in the results file.`
    )
  }
}
