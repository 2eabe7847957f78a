import { gitHubClient } from './client'
import {
  ACTION_TERMS,
  commentWarning,
  upsertComment,
  type CommentMode,
  type FrontEndTerms,
  type ReportVerdict
} from './comment'
import { readEventContext } from './event'
import { pullRequestNumber, workflowRunHead } from './pull-request'
import { findRunPullRequest, type RunPullRequest } from './run-pull-request'

/** Where and when the report becomes a pull-request comment. */
export interface CommentSettings {
  comment: CommentMode
  commentKey: string
  /** Whether the comment shows the commands' log lines (`comment-logs`); the summary always does. */
  logs: boolean
  /** The `pull-request` input, checked; otherwise the number comes from the event. */
  pullRequest?: number
}

interface PublishOptions {
  body: string
  verdict: ReportVerdict
  reporting: CommentSettings
  token: string
  /** Default: the action's. */
  terms?: FrontEndTerms
  env: NodeJS.ProcessEnv
  info: (line: string) => void
  warn: (line: string) => void
}

/**
 * Posts or edits the sticky comment when the settings and the event call for one.
 * Returns the comment's URL; trouble becomes a warning, never a failure.
 */
export async function commentOnPullRequest(options: PublishOptions): Promise<string | undefined> {
  const { reporting, env } = options
  if (reporting.comment === 'never') return undefined
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const number = await targetPullRequest(options, owner, repo)
  if (number === undefined) return undefined
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
    terms: options.terms
  })
  if (result.warning) options.warn(result.warning)
  if (result.url) options.info(`Comment ${result.action}: ${result.url}`)
  return result.url
}

/**
 * The pull request to comment on. On `workflow_run` it is looked up from the event's
 * head (docs/workflows.md, fork pull requests); elsewhere it is the input or the event's own.
 */
async function targetPullRequest(
  options: PublishOptions,
  owner: string | undefined,
  repo: string | undefined
): Promise<number | undefined> {
  const context = readEventContext(options.env)
  if (context.eventName !== 'workflow_run') {
    const number = pullRequestNumber(context, options.reporting.pullRequest)
    if (number === undefined) {
      options.info(
        'No pull request to comment on (not a pull_request event and no pull-request input).'
      )
    }
    return number
  }
  const head = workflowRunHead(context)
  if (head === undefined) {
    options.warn(
      'The workflow_run event names no head repository, branch and commit (was the fork deleted?), so no comment was posted.'
    )
    return undefined
  }
  const terms = options.terms ?? ACTION_TERMS
  if (!owner || !repo || options.token === '') {
    options.warn(
      `Finding the pull request of a workflow_run needs GITHUB_REPOSITORY and a ${terms.token}; no comment was posted. The report is in ${terms.reportIsIn}.`
    )
    return undefined
  }
  let found: RunPullRequest
  try {
    const client = gitHubClient(options.token, { apiUrl: options.env.GITHUB_API_URL })
    found = await findRunPullRequest(client, { owner, repo }, head, options.reporting.pullRequest)
  } catch (error) {
    const warning = commentWarning(
      error,
      `Could not look up the pull request of ${head.sha}`,
      terms
    )
    options.warn(warning.split(options.token).join('***'))
    return undefined
  }
  if ('warning' in found) options.warn(found.warning)
  if ('info' in found) options.info(found.info)
  return 'number' in found ? found.number : undefined
}
