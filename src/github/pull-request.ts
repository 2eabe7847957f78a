/** Which pull request to comment on. Pure. */
import { Input } from '../config/inputs'
import { parseInteger } from '../config/parse'

/** The parts of `@actions/github`'s context this reads. */
export interface EventContext {
  eventName: string
  payload: unknown
}

/**
 * The pull request number: the `pull-request` input when given, else from the
 * event: `pull_request`, `pull_request_target` and review events carry it,
 * `issue_comment` on a pull request too, and `workflow_run` lists the pull
 * requests of the run that triggered it (empty for pull requests from forks,
 * where the number has to come in through the input). Undefined when there is none.
 */
export function pullRequestNumber(context: EventContext, input?: string): number | undefined {
  const given = input?.trim()
  if (given) return parsePullRequestInput(given)
  const payload = asRecord(context.payload)
  if (context.eventName === 'workflow_run') {
    const pullRequests = asRecord(payload.workflow_run).pull_requests
    return Array.isArray(pullRequests)
      ? positiveInteger(asRecord(pullRequests[0]).number)
      : undefined
  }
  if (context.eventName === 'issue_comment') {
    const issue = asRecord(payload.issue)
    return issue.pull_request ? positiveInteger(issue.number) : undefined
  }
  return positiveInteger(asRecord(payload.pull_request).number)
}

/** The `pull-request` input: a positive whole number. */
export function parsePullRequestInput(value: string): number {
  return parseInteger(Input.PullRequest, value, { min: 1 })
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined
}
