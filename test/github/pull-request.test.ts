import { describe, expect, it } from 'vitest'
import { pullRequestNumber, workflowRunHead } from '../../src/github/pull-request'

describe('pullRequestNumber', () => {
  it('reads pull_request and pull_request_target events', () => {
    const payload = { action: 'synchronize', number: 17, pull_request: { number: 17 } }
    expect(pullRequestNumber({ eventName: 'pull_request', payload })).toBe(17)
    expect(pullRequestNumber({ eventName: 'pull_request_target', payload })).toBe(17)
    expect(pullRequestNumber({ eventName: 'pull_request_review', payload })).toBe(17)
  })

  it('never takes a workflow_run number from the event: the head is looked up instead', () => {
    const payload = { workflow_run: { id: 1, pull_requests: [{ number: 42 }, { number: 43 }] } }
    expect(pullRequestNumber({ eventName: 'workflow_run', payload })).toBeUndefined()
  })

  it('reads issue_comment events on pull requests only', () => {
    const onPullRequest = {
      issue: { number: 8, pull_request: { url: 'https://api.github.com/x' } }
    }
    expect(pullRequestNumber({ eventName: 'issue_comment', payload: onPullRequest })).toBe(8)
    expect(
      pullRequestNumber({ eventName: 'issue_comment', payload: { issue: { number: 8 } } })
    ).toBeUndefined()
  })

  it('finds none for push, schedule or a bare workflow_dispatch', () => {
    expect(
      pullRequestNumber({ eventName: 'push', payload: { ref: 'refs/heads/main' } })
    ).toBeUndefined()
    expect(pullRequestNumber({ eventName: 'schedule', payload: {} })).toBeUndefined()
    expect(
      pullRequestNumber({ eventName: 'workflow_dispatch', payload: { inputs: {} } })
    ).toBeUndefined()
    expect(pullRequestNumber({ eventName: 'pull_request', payload: undefined })).toBeUndefined()
  })

  it('prefers the pull-request input over the event', () => {
    const payload = { pull_request: { number: 17 } }
    expect(pullRequestNumber({ eventName: 'pull_request', payload }, 99)).toBe(99)
    expect(pullRequestNumber({ eventName: 'workflow_dispatch', payload: {} }, 5)).toBe(5)
    expect(pullRequestNumber({ eventName: 'pull_request', payload }, undefined)).toBe(17)
  })
})

describe('workflowRunHead', () => {
  const run = {
    head_branch: 'feature',
    head_sha: 'a'.repeat(40),
    head_repository: { full_name: 'forker/infra', owner: { login: 'forker' } },
    pull_requests: []
  }

  it('reads the head repository, branch and commit of the triggering run', () => {
    expect(workflowRunHead({ eventName: 'workflow_run', payload: { workflow_run: run } })).toEqual({
      repository: 'forker/infra',
      owner: 'forker',
      branch: 'feature',
      sha: 'a'.repeat(40)
    })
  })

  it('finds none when a part is missing (a deleted fork has no head repository)', () => {
    for (const broken of [
      { ...run, head_repository: null },
      { ...run, head_sha: '' },
      { ...run, head_branch: 42 }
    ]) {
      expect(
        workflowRunHead({ eventName: 'workflow_run', payload: { workflow_run: broken } })
      ).toBeUndefined()
    }
    expect(workflowRunHead({ eventName: 'workflow_run', payload: undefined })).toBeUndefined()
  })
})
