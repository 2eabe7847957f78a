import * as core from '@actions/core'
import { Output } from '../config/inputs'
import { commentOnPullRequest, type CommentSettings } from '../github/publish'
import type { Verdict } from '../stats/types'
import type { ActionLog } from './log'

/**
 * The end of every action run: the report in the job summary (always), the sticky
 * comment when asked for, and the `comment-url` output. Comment trouble only warns.
 */
export async function publishReport(options: {
  body: string
  verdict: Verdict
  reporting: CommentSettings
  token: string
  log: ActionLog
}): Promise<void> {
  const { log } = options
  const body = log.redact(options.body)
  await core.summary.addRaw(body, true).write()
  const url = await commentOnPullRequest({
    ...options,
    body,
    env: process.env,
    info: log.info,
    warn: log.warn
  })
  core.setOutput(Output.CommentUrl, url ?? '')
}
