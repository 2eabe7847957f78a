/** Which pull request to comment on. Pure. */

/** The parts of `@actions/github`'s context this reads. */
export interface EventContext {
  eventName: string
  payload: unknown
}

/**
 * The pull request number: the `pull-request` input (already checked) when given, else from the
 * event: `pull_request`, `pull_request_target` and review events carry it,
 * `issue_comment` on a pull request too, and `workflow_run` lists the pull
 * requests of the run that triggered it (empty for pull requests from forks,
 * where the number has to come in through the input). Undefined when there is none.
 */
export function pullRequestNumber(context: EventContext, input?: number): number | undefined {
  if (input !== undefined) return input
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

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined
}
