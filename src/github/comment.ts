/**
 * The sticky pull-request comment: find ours by its marker, edit it in place, or
 * create it. Comment trouble never fails the job: it comes back as a warning.
 */
import type { Verdict } from '../stats/types'
import { describeNetworkError } from '../core/errors/network-error'
import { clip } from '../report/format/escape'
import { capBody } from '../report/format/limit'
import { findComment, hasMarker, marker } from './comment-marker'
import { gitHubClient } from './client'
import { tokenIdentity } from './identity'
import { isRateLimited, type RetryPolicy } from './retry'

export type CommentMode = 'always' | 'on-regression' | 'never'

/** What a report says: a verdict, or that the run failed before it had one. */
export type ReportVerdict = Verdict | 'failed'

/**
 * How the front end's user knows the token, and where its report is when no comment
 * is posted: the action has a `github-token` input and a job summary; the command line
 * has neither.
 */
export interface FrontEndTerms {
  token: string
  reportIsIn: string
}

export const ACTION_TERMS: FrontEndTerms = { token: 'github-token', reportIsIn: 'the job summary' }

export interface UpsertCommentOptions {
  token: string
  /** Default: the action's. */
  terms?: FrontEndTerms
  owner: string
  repo: string
  issueNumber: number
  key: string
  body: string
  mode: CommentMode
  verdict: ReportVerdict
  /** REST API root; defaults to `GITHUB_API_URL`, then https://api.github.com. */
  apiUrl?: string
  retry?: Partial<RetryPolicy>
}

export interface UpsertCommentResult {
  url?: string
  action: 'created' | 'updated' | 'skipped'
  warning?: string
}

/**
 * Whether to write the comment. `on-regression` creates one only for a
 * regression but still edits an existing one, so a fixed regression shows as fixed
 * (and a failed run replaces an earlier verdict).
 */
export function shouldComment(
  mode: CommentMode,
  verdict: ReportVerdict,
  hasExisting: boolean
): boolean {
  switch (mode) {
    case 'never':
      return false
    case 'always':
      return true
    case 'on-regression':
      return hasExisting || verdict === 'regression'
  }
}

/** Creates or updates our comment; never throws. */
export async function upsertComment(options: UpsertCommentOptions): Promise<UpsertCommentResult> {
  const { token, owner, repo, issueNumber, key, mode, verdict } = options
  const terms = options.terms ?? ACTION_TERMS
  if (mode === 'never') return { action: 'skipped' }
  if (token === '') {
    return {
      action: 'skipped',
      warning: `No ${terms.token} was given, so pull request #${issueNumber} got no comment. The report is in ${terms.reportIsIn}.`
    }
  }
  let step = 'read the comments of'
  try {
    const body = capBody(
      hasMarker(options.body, key) ? options.body : `${marker(key)}\n${options.body}`
    )
    const octokit = gitHubClient(token, options)
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: issueNumber,
      per_page: 100
    })
    const marked = comments.filter(comment => hasMarker(comment.body ?? '', key))
    step = 'tell which account the github-token comments as, so it left no comment on'
    // Who we are matters only when some comment carries our marker.
    const existing =
      marked.length === 0 ? undefined : findComment(marked, key, await tokenIdentity(octokit))
    if (!shouldComment(mode, verdict, existing !== undefined)) return { action: 'skipped' }
    if (existing) {
      step = 'update its comment on'
      const { data } = await octokit.rest.issues.updateComment({
        owner,
        repo,
        comment_id: existing.id,
        body
      })
      return { action: 'updated', url: data.html_url }
    }
    step = 'comment on'
    const { data } = await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: issueNumber,
      body
    })
    return { action: 'created', url: data.html_url }
  } catch (error) {
    const warning = commentWarning(error, `Could not ${step} pull request #${issueNumber}`, terms)
    return { action: 'skipped', warning: redact(warning, token) }
  }
}

const FORK_HINT =
  'Give the job `permissions: pull-requests: write`. Pull requests from forks only get a read-only token: measure in the `pull_request` workflow and post the comment from a `workflow_run` workflow running this action with `mode: report`.'
/** One warning line: what failed, GitHub's answer, and how to fix it. */
export function commentWarning(
  error: unknown,
  what: string,
  terms: FrontEndTerms = ACTION_TERMS
): string {
  const failed = (typeof error === 'object' && error !== null ? error : {}) as {
    status?: unknown
    message?: unknown
    response?: unknown
  }
  // octokit reports a request that got no answer at all as a status 500 without a response.
  const unanswered = failed.status === 500 && !('response' in failed && failed.response)
  const status = typeof failed.status === 'number' && !unanswered ? failed.status : undefined
  const message = clip(String(failed.message ?? error).split('\n')[0] ?? '', 300)
  const answer = unanswered
    ? `could not reach GitHub: ${describeNetworkError(error) ?? message}`
    : status === undefined
      ? message
      : `HTTP ${status}: ${message}`
  let hint: string
  if (unanswered) {
    hint = 'Check GITHUB_API_URL and the network of the runner.'
  } else if (isRateLimited(error)) {
    hint =
      "GitHub's API rate limit was reached and did not reset in time; the next run will post it."
  } else if (status === 401) {
    hint = `GitHub did not accept the ${terms.token}.`
  } else if (status === 403 || status === 404) {
    hint = `${FORK_HINT} A 404 can also mean the pull request number is wrong.`
  } else if (status !== undefined && status >= 500) {
    hint = 'GitHub kept failing after retries.'
  } else {
    hint = ''
  }
  const note = `The report is still in ${terms.reportIsIn}.`
  return [`${what} (${answer}).`, hint, note].filter(part => part !== '').join(' ')
}

/** Tokens never reach logs, even if an error message were to echo one. */
function redact(text: string, token: string): string {
  return token === '' ? text : text.split(token).join('***')
}
