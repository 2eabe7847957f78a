import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ResultsFile } from '../../src/results/schema'
import { cli } from '../helpers/cli'
import { RunFolder } from '../helpers/commands'
import { startGitHubServer, type GitHubServer } from '../helpers/github-server'

const TOKEN = 'ghs_runCommentTestToken0123456789'
// Whatever the verdict, the gate passes: these tests are about the comment.
const QUICK = ['--samples', '3', '--looks', '1', '--warmup', '0', '--fail-on', 'never']

describe('run --comment', () => {
  let github: GitHubServer
  beforeEach(async () => {
    github = await startGitHubServer({ token: TOKEN })
  })
  afterEach(() => github.close())

  const gate = async (...flags: string[]) => {
    const run = new RunFolder()
    const env = run.env({
      GITHUB_TOKEN: TOKEN,
      GITHUB_REPOSITORY: 'octo/infra',
      GITHUB_API_URL: github.url
    })
    const output = await cli(run.args('sleep 0.01', 'sleep 0.03', ...QUICK, ...flags), env)
    return { ...output, results: readFileSync(run.resultsFile, 'utf8') }
  }

  it('posts one sticky comment on the pull request, and never prints or stores the token', async () => {
    const first = await gate('--comment', 'always', '--pull-request', '7')
    const second = await gate('--comment', 'always', '--pull-request', '7')

    expect(github.comments).toHaveLength(1)
    const [comment] = github.comments
    expect(comment!.issue_url).toMatch(/\/repos\/octo\/infra\/issues\/7$/)
    expect(comment!.body).toContain('<!-- pulumi-perf-gate:benchmark -->')
    const { verdict } = (JSON.parse(second.results) as ResultsFile).comparison
    expect(comment!.body.toLowerCase()).toContain(verdict)
    expect(comment!.body).not.toContain(TOKEN)
    expect(github.requests.map(request => request.route)).toEqual([
      'list-comments',
      'create-comment',
      'list-comments',
      // Whose the marked comment is: the job token answers only GraphQL's viewer.
      'get-user',
      'graphql',
      'update-comment'
    ])
    for (const output of [first, second]) {
      expect(output.status).toBe(0)
      expect(output.stderr).toContain(comment!.html_url)
      expect(`${output.stdout}${output.stderr}${output.results}`).not.toContain(TOKEN)
    }
  })

  it('replaces the comment with a failed report when the run fails', async () => {
    await gate('--comment', 'always', '--pull-request', '7')
    const run = new RunFolder()
    const env = run.env({
      GITHUB_TOKEN: TOKEN,
      GITHUB_REPOSITORY: 'octo/infra',
      GITHUB_API_URL: github.url
    })
    const failing = 'echo "it broke"; exit 4'
    const args = run.args('sleep 0.01', failing, ...QUICK, '--comment', 'always')
    const { status, stdout } = await cli([...args, '--pull-request', '7'], env)
    expect(status).toBe(1)
    expect(stdout).toMatch(/^\S+: Failed: candidate .* exit code 4\./)
    expect(github.comments).toHaveLength(1)
    expect(github.comments[0]!.body).toMatch(/^## ❌ Failed: candidate .* exit code 4\.$/m)
    expect(github.comments[0]!.body).toContain('it broke')
  })

  it('names the token the command line reads, and no job summary, when it has none', async () => {
    const run = new RunFolder()
    const env = run.env({ GITHUB_REPOSITORY: 'octo/infra', GITHUB_API_URL: github.url })
    const args = run.args('sleep 0.01', 'sleep 0.03', ...QUICK, '--comment', 'always')
    const { status, stderr } = await cli([...args, '--pull-request', '7'], env)
    expect(status).toBe(0)
    expect(stderr).toMatch(
      /^warning: No GITHUB_TOKEN was given, so pull request #7 got no comment\. The report is in this command's output and its results file\.$/m
    )
    expect(stderr).not.toMatch(/github-token|job summary/)
    expect(github.requests).toEqual([])
  })

  it('posts nothing without --comment, even with a pull request and a token', async () => {
    const { status } = await gate('--pull-request', '7')
    expect(status).toBe(0)
    expect(github.requests).toEqual([])
  })
})
