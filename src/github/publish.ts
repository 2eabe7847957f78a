import type { Verdict } from '../stats/types'
import { upsertComment, type CommentMode } from './comment'
import { readEventContext } from './event'
import { pullRequestNumber } from './pull-request'

/** Where and when the report becomes a pull-request comment. */
export interface CommentSettings {
  comment: CommentMode
  commentKey: string
  /** The `pull-request` input, checked; otherwise the number comes from the event. */
  pullRequest?: number
}

// The login the default GITHUB_TOKEN comments as: its comments win when matching.
const ACTIONS_BOT = 'github-actions[bot]'

/**
 * Posts or edits the sticky comment when the settings and the event call for one.
 * Returns the comment's URL; trouble becomes a warning, never a failure.
 */
export async function commentOnPullRequest(options: {
  body: string
  verdict: Verdict
  reporting: CommentSettings
  token: string
  env: NodeJS.ProcessEnv
  info: (line: string) => void
  warn: (line: string) => void
}): Promise<string | undefined> {
  const { reporting, env } = options
  if (reporting.comment === 'never') return undefined
  const number = pullRequestNumber(readEventContext(env), reporting.pullRequest)
  if (number === undefined) {
    options.info(
      'No pull request to comment on (not a pull_request event and no pull-request input).'
    )
    return undefined
  }
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!owner || !repo) {
    options.warn(
      'GITHUB_REPOSITORY (owner/name) is not set, so no comment was posted on pull request #' +
        number
    )
    return undefined
  }
  const result = await upsertComment({
    token: options.token,
    owner,
    repo,
    issueNumber: number,
    key: reporting.commentKey,
    body: options.body,
    mode: reporting.comment,
    verdict: options.verdict,
    apiUrl: env.GITHUB_API_URL,
    author: ACTIONS_BOT
  })
  if (result.warning) options.warn(result.warning)
  if (result.url) options.info(`Comment ${result.action}: ${result.url}`)
  return result.url
}
