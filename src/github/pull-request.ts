/** Which pull request to comment on, as far as the event alone tells. Pure. */

/** The parts of `@actions/github`'s context this reads. */
export interface EventContext {
  eventName: string
  payload: unknown
}

/**
 * The pull request number: the `pull-request` input (already checked) when given, else from the
 * event: `pull_request`, `pull_request_target` and review events carry it, and
 * `issue_comment` on a pull request too. Undefined when there is none. Not for
 * `workflow_run`: there the pull request is looked up from `workflowRunHead`.
 */
export function pullRequestNumber(context: EventContext, input?: number): number | undefined {
  if (input !== undefined) return input
  const payload = asRecord(context.payload)
  if (context.eventName === 'issue_comment') {
    const issue = asRecord(payload.issue)
    return issue.pull_request ? positiveInteger(issue.number) : undefined
  }
  return positiveInteger(asRecord(payload.pull_request).number)
}

/** The commit a `workflow_run` event's triggering run measured, and where it lives. */
export interface RunHead {
  /** `owner/name` of the repository the head branch is in (a fork's, for fork pull requests). */
  repository: string
  owner: string
  branch: string
  sha: string
}

/**
 * The head of the run that triggered a `workflow_run` event: GitHub's own record of
 * what was measured, which the event's `pull_requests` list leaves out for forks.
 * Undefined when the payload lacks it (e.g. the fork has been deleted).
 */
export function workflowRunHead(context: EventContext): RunHead | undefined {
  const run = asRecord(asRecord(context.payload).workflow_run)
  const repository = asRecord(run.head_repository)
  const head = {
    repository: repository.full_name,
    owner: asRecord(repository.owner).login,
    branch: run.head_branch,
    sha: run.head_sha
  }
  const complete = Object.values(head).every(value => typeof value === 'string' && value !== '')
  return complete ? (head as RunHead) : undefined
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined
}
