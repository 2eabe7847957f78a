import * as core from '@actions/core'
import { Output } from '../config/inputs'
import { commentOnPullRequest, type CommentSettings } from '../github/publish'
import type { Verdict } from '../stats/types'

/**
 * The end of every action run: the report in the job summary (always), the sticky
 * comment when asked for, and the `comment-url` output. Comment trouble only warns.
 */
export async function publishReport(options: {
  body: string
  verdict: Verdict
  reporting: CommentSettings
  token: string
}): Promise<void> {
  await core.summary.addRaw(options.body, true).write()
  const url = await commentOnPullRequest({
    ...options,
    env: process.env,
    info: core.info,
    warn: core.warning
  })
  core.setOutput(Output.CommentUrl, url ?? '')
}
