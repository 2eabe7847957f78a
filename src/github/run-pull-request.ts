/**
 * The pull request a `workflow_run` report belongs to (docs/workflows.md, fork pull requests). The
 * results it reports were made by the pull request's own code, so nothing from them, nor
 * an input fed from them, may choose where the comment goes: the pull request is the
 * one whose head is the commit the triggering run measured.
 */
import type { GitHubClient } from './client'
import type { RunHead } from './pull-request'

/** The pull request to comment on, or why there is none (a warning, or just information). */
export type RunPullRequest = { number: number } | { warning: string } | { info: string }

interface Repository {
  owner: string
  repo: string
}

/**
 * With `input`, that pull request, if its head SHA is the run's; otherwise the one open
 * pull request of the run's head branch at that SHA (GitHub's `head=owner:branch` filter).
 */
export async function findRunPullRequest(
  client: GitHubClient,
  repository: Repository,
  head: RunHead,
  input?: number
): Promise<RunPullRequest> {
  const measured = `${head.sha} (${head.owner}:${head.branch})`
  if (input !== undefined) {
    const pull = await getPull(client, repository, input)
    if (pull === undefined) {
      return {
        warning: `pull-request #${input} is not a pull request of ${repository.owner}/${repository.repo}, so it got no comment.`
      }
    }
    if (pull.head.sha !== head.sha) {
      return {
        warning: `pull-request #${input} got no comment: its head is ${pull.head.sha}, but the workflow run that made these results measured ${measured}. Leave pull-request unset to comment on the run's own pull request.`
      }
    }
    return { number: input }
  }
  const { data: open } = await client.rest.pulls.list({
    ...repository,
    head: `${head.owner}:${head.branch}`,
    state: 'open',
    per_page: 100
  })
  const fromRun = open.filter(
    pull => pull.head.repo?.full_name === head.repository && pull.head.sha === head.sha
  )
  if (fromRun.length === 1) return { number: fromRun[0]!.number }
  const numbers = (pulls: typeof open) => pulls.map(pull => `#${pull.number}`).join(', ')
  if (fromRun.length > 1) {
    return {
      warning: `Several open pull requests (${numbers(fromRun)}) have the commit ${measured} the workflow run measured; set pull-request to the one to comment on.`
    }
  }
  if (open.length > 0) {
    return {
      warning: `${numbers(open)} got no comment: the workflow run measured ${measured}, and the pull request has moved on to ${open.map(pull => pull.head.sha).join(', ')}; its own run will report.`
    }
  }
  return { info: `No open pull request has the commit ${measured}; nothing to comment on.` }
}

async function getPull(client: GitHubClient, repository: Repository, number: number) {
  try {
    return (await client.rest.pulls.get({ ...repository, pull_number: number })).data
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return undefined
    throw error
  }
}
