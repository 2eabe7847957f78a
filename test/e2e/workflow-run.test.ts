/**
 * The fork-safe commenter (docs/workflows.md, fork pull requests): the bundled action in report
 * mode on a `workflow_run` event. The pull request comes from the event itself (head
 * repository, branch and SHA) through the API; a `pull-request` input is only obeyed
 * when that pull request's head is the event's `head_sha`, so a fork's artifact cannot
 * steer the comment onto another pull request or issue.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  ActionHarness,
  REPOSITORY,
  workflowCommands,
  type StepResult
} from '../helpers/action-runner'
import { useActionHarness } from '../helpers/file-setup'
import type { GitHubServer } from '../helpers/github-server'
import { buildResults, spread } from '../helpers/build-results'

const TOKEN = 'ghs_e2eWorkflowRunToken0123456789abcdef'
const [OWNER, NAME] = REPOSITORY.split('/') as [string, string]
const FORK_PR = 5
const OTHER_PR = 7
const ISSUE = 9
const HEAD_SHA = 'c0ffee0000000000000000000000000000000005'

let harness: ActionHarness
let github: GitHubServer
let resultsFile: string

useActionHarness(TOKEN, started => {
  harness = started
  github = started.github
})
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'ppg-workflow-run-'))
  resultsFile = join(dir, 'results.json')
  const results = buildResults({
    benchmark: 'from-a-fork',
    baseline: spread(10, 60, 2),
    candidate: spread(10, 20, 1),
    verdict: 'improvement'
  })
  writeFileSync(resultsFile, JSON.stringify(results))
  return () => rmSync(dir, { recursive: true, force: true })
})
beforeEach(() => {
  const pull = { owner: OWNER, repo: NAME, headRef: 'feature' }
  github.addPull({ ...pull, number: FORK_PR, headOwner: 'forker', headSha: HEAD_SHA })
  github.addPull({ ...pull, number: OTHER_PR, headOwner: OWNER, headSha: 'd'.repeat(40) })
})

/** A `workflow_run` event for a run of the fork's `forker:feature` at HEAD_SHA. */
function workflowRunEvent(headSha = HEAD_SHA): unknown {
  return {
    action: 'completed',
    workflow_run: {
      id: 4242,
      name: 'perf-measure',
      event: 'pull_request',
      head_branch: 'feature',
      head_sha: headSha,
      head_repository: { full_name: `forker/${NAME}`, owner: { login: 'forker' }, fork: true },
      repository: { full_name: REPOSITORY },
      // GitHub leaves this empty for pull requests from forks.
      pull_requests: []
    },
    repository: { name: NAME, full_name: REPOSITORY, owner: { login: OWNER } }
  }
}

function commenter(inputs: Record<string, string> = {}, headSha?: string): Promise<StepResult> {
  const job = harness.job(
    { mode: 'report', results: resultsFile, ...inputs },
    { eventName: 'workflow_run', payload: workflowRunEvent(headSha) }
  )
  return job.run('index')
}

const commentedOn = () =>
  github.comments.map(comment => Number(/\/(\d+)$/.exec(comment.issue_url)![1]))
const writes = () =>
  github.requests.filter(
    request => request.route === 'create-comment' || request.route === 'update-comment'
  )

describe('report mode on workflow_run', () => {
  it("finds the fork's pull request from the event and comments there", async () => {
    const step = await commenter()
    expect(step.exitCode, step.stdout).toBe(0)
    expect(commentedOn()).toEqual([FORK_PR])
    expect(step.outputs['comment-url']).toBe(github.comments[0]!.html_url)
  })

  it('refuses a pull-request input naming another pull request', async () => {
    const step = await commenter({ 'pull-request': String(OTHER_PR) })
    expect(step.exitCode, step.stdout).toBe(0)
    expect(writes()).toEqual([])
    const warnings = workflowCommands(step.stdout, 'warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain(`#${OTHER_PR}`)
    expect(warnings[0]).toContain(HEAD_SHA)
    expect(step.summary).toContain('from-a-fork')
  })

  it('refuses a pull-request input naming an issue', async () => {
    const step = await commenter({ 'pull-request': String(ISSUE) })
    expect(step.exitCode, step.stdout).toBe(0)
    expect(writes()).toEqual([])
    expect(workflowCommands(step.stdout, 'warning').join('\n')).toContain(`#${ISSUE}`)
  })

  it("accepts a pull-request input naming the event's own pull request", async () => {
    const step = await commenter({ 'pull-request': String(FORK_PR) })
    expect(step.exitCode, step.stdout).toBe(0)
    expect(commentedOn()).toEqual([FORK_PR])
  })

  it('leaves a pull request alone that has moved on to another commit', async () => {
    const step = await commenter({}, 'e'.repeat(40))
    expect(step.exitCode, step.stdout).toBe(0)
    expect(writes()).toEqual([])
    expect(workflowCommands(step.stdout, 'warning').join('\n')).toContain('e'.repeat(40))
  })
})
