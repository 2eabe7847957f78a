import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { gitHubClient } from '../../src/github/client'
import { findRunPullRequest } from '../../src/github/run-pull-request'
import { startGitHubServer, type GitHubServer } from '../helpers/github-server'

const TOKEN = 'ghs_runPullRequestToken0123456789abcd'
const SHA = 'a'.repeat(40)
const HEAD = { repository: 'forker/infra', owner: 'forker', branch: 'feature', sha: SHA }
const REPO = { owner: 'octo', repo: 'infra' }

describe('findRunPullRequest', () => {
  let github: GitHubServer
  beforeEach(async () => {
    github = await startGitHubServer({ token: TOKEN })
  })
  afterEach(() => github.close())

  const find = (input?: number) =>
    findRunPullRequest(gitHubClient(TOKEN, { apiUrl: github.url }), REPO, HEAD, input)
  const pull = (number: number, headOwner: string, headSha: string, state?: 'closed') =>
    github.addPull({ ...REPO, number, headOwner, headRef: 'feature', headSha, state })

  it("finds the open pull request of the run's head branch at the run's commit", async () => {
    pull(3, 'forker', SHA, 'closed')
    pull(4, 'someone-else', SHA)
    pull(5, 'forker', SHA)
    expect(await find()).toEqual({ number: 5 })
    const list = github.requests.find(request => request.route === 'list-pulls')!
    expect(list.query).toMatchObject({ head: 'forker:feature', state: 'open' })
  })

  it('asks for the input when several open pull requests share the commit', async () => {
    pull(5, 'forker', SHA)
    pull(6, 'forker', SHA)
    expect(await find()).toEqual({ warning: expect.stringContaining('#5, #6') })
    expect(await find(6)).toEqual({ number: 6 })
  })

  it('says there is nothing to comment on when no pull request has the branch', async () => {
    expect(await find()).toEqual({ info: expect.stringContaining(SHA) })
  })
})
