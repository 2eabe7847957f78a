/**
 * The committed bundle, dist/index.js, run as the GitHub runner runs it, in generic
 * mode (two shell commands), against a loopback GitHub API.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { BISECT_OUTPUTS } from '../../src/config/inputs'
import { marker } from '../../src/github/comment-marker'
import { markdownHeadline } from '../../src/export/markdown/markdown'
import { headline } from '../../src/report/headline'
import {
  ActionHarness,
  type ActionJob,
  COMMENT_KEY,
  commandInputs,
  PULL_REQUEST,
  readResults,
  REPOSITORY,
  workflowCommands,
  type StepResult
} from '../helpers/action-runner'
import { useActionHarness } from '../helpers/file-setup'
import type { GitHubServer } from '../helpers/github-server'

const TOKEN = 'ghs_e2eSecretToken0123456789abcdefABCD'
const FAST = 'sleep 0.02'
const SLOW = 'sleep 0.06'

let harness: ActionHarness
let github: GitHubServer
useActionHarness(TOKEN, started => {
  harness = started
  github = started.github
})

/** Runs the job's main step; a crash (a stack trace anywhere) fails the test. */
async function runMain(job: ActionJob): Promise<StepResult> {
  const step = await job.run('index')
  expect(step.stdout + step.stderr).not.toMatch(/^\s+at /m)
  return step
}

function runCommands(baseline: string, candidate: string): Promise<StepResult> {
  return runMain(harness.job(commandInputs(baseline, candidate)))
}

const routes = () => github.requests.map(request => request.route)
const commentsPath = `/repos/${REPOSITORY}/issues/${PULL_REQUEST}/comments`

describe('the bundled action in generic mode', () => {
  it('creates the sticky comment once, then edits that same comment', async () => {
    const first = await runCommands(SLOW, FAST)
    expect(first.exitCode, first.stdout).toBe(0)
    // A passing run's log shows its verdict too (SPEC §3), not only a failing one's.
    expect(first.stdout.split('\n')).toContain(headline(readResults(first)))
    expect(routes()).toEqual(['list-comments', 'create-comment'])
    const created = github.requests[1]!
    expect(created.path).toBe(commentsPath)
    expect(github.comments).toHaveLength(1)
    const comment = github.comments[0]!
    expect(comment.body.split('\n')[0]).toBe(marker(COMMENT_KEY))
    expect(comment.body).toContain(`## ${markdownHeadline(readResults(first))}`)
    expect(first.outputs['comment-url']).toBe(comment.html_url)

    github.requests.splice(0)
    const second = await runCommands(FAST, SLOW)
    expect(second.exitCode, second.stdout).toBe(1)
    expect(routes()).toEqual(['list-comments', 'get-user', 'graphql', 'update-comment'])
    expect(github.requests.at(-1)!.path).toBe(`/repos/${REPOSITORY}/issues/comments/${comment.id}`)
    expect(github.comments).toHaveLength(1)
    expect(comment.body.split('\n')[0]).toBe(marker(COMMENT_KEY))
    expect(comment.body).toContain(`## ${markdownHeadline(readResults(second))}`)
    expect(second.outputs['comment-url']).toBe(comment.html_url)
  })

  it('fails the step on a regression with the headline as its one error', async () => {
    const step = await runCommands(FAST, SLOW)
    const results = readResults(step)
    expect(results.comparison.verdict).toBe('regression')
    expect(step.exitCode).toBe(1)
    expect(workflowCommands(step.stdout, 'error')).toEqual([headline(results)])
  })

  it('warns how to grant permission when commenting is forbidden, and still passes', async () => {
    github.failNext('create-comment', { status: 403 })
    const step = await runCommands(SLOW, FAST)
    expect(step.exitCode, step.stdout).toBe(0)
    expect(workflowCommands(step.stdout, 'error')).toEqual([])
    const warnings = workflowCommands(step.stdout, 'warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('HTTP 403')
    expect(warnings[0]).toContain('pull-requests: write')
    expect(github.comments).toEqual([])
    expect(step.outputs['comment-url']).toBe('')
    expect(step.summary).toContain(`## ${markdownHeadline(readResults(step))}`)
  })

  it('sets every output action.yml declares for run mode, from the results it wrote', async () => {
    const job = harness.job(commandInputs(FAST, SLOW))
    const step = await runMain(job)
    const action = parse(readFileSync('action.yml', 'utf8')) as { outputs: object }
    const runOutputs = Object.keys(action.outputs).filter(
      output => !(BISECT_OUTPUTS as readonly string[]).includes(output)
    )
    expect(Object.keys(step.outputs).sort()).toEqual(runOutputs.sort())

    const results = readResults(step)
    const { comparison } = results
    const mean = (group: string) =>
      String(results.results.find(result => result.parameters.group === group)!.mean)
    expect(step.outputs).toEqual({
      verdict: comparison.verdict,
      // Generic mode times no Pulumi phase.
      verdicts: '{}',
      ratio: String(comparison.ratio.value),
      'p-value': String(comparison.welch.pRegression),
      'baseline-mean': mean('baseline'),
      'candidate-mean': mean('candidate'),
      samples: String(comparison.samples),
      // A folder of the run's own under RUNNER_TEMP.
      'results-file': expect.stringMatching(
        new RegExp(`^${job.runnerTemp}/pulumi-perf-gate-[0-9a-f]{12}/results\\.json$`)
      ),
      'comment-url': github.comments[0]!.html_url
    })
    expect(Number(step.outputs.samples)).toBe(6)
  })

  it('masks the token and never prints or stores it', async () => {
    const step = await runCommands(FAST, SLOW)
    expect(github.comments).toHaveLength(1)
    // The runner swallows the mask command itself; it must be the token's only appearance.
    const stdoutLines = step.stdout.split('\n').filter(line => line.includes(TOKEN))
    expect(stdoutLines).toEqual([`::add-mask::${TOKEN}`])
    const authorizations = github.requests.map(request => request.headers.authorization)
    expect(authorizations).toContain(`token ${TOKEN}`)
    const stored = [
      step.stderr,
      JSON.stringify(step.outputs),
      step.summary,
      readFileSync(step.outputs['results-file']!, 'utf8'),
      ...github.comments.map(comment => comment.body)
    ]
    for (const text of stored) expect(text).not.toContain(TOKEN)
  })

  it('rejects bad input with one error naming it, before measuring anything', async () => {
    // Either command, if ever run, leaves this file behind.
    const touch = 'echo >> "$RUNNER_TEMP/ran"; '
    const job = harness.job(commandInputs(touch + FAST, touch + SLOW, { samples: '1' }))
    const step = await runMain(job)
    expect(step.exitCode).toBe(1)
    const errors = workflowCommands(step.stdout, 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^samples\b.*"1".*\b2\b/)
    expect(existsSync(join(job.runnerTemp, 'ran'))).toBe(false)
    expect(readdirSync(job.runnerTemp).filter(name => name.startsWith('pulumi-perf-gate'))).toEqual(
      []
    )
    // The comment says so too: an earlier verdict must not stand beside a failed check.
    expect(Object.keys(step.outputs)).toEqual(['comment-url'])
    expect(github.comments).toHaveLength(1)
    expect(github.comments[0]!.body).toContain('## ❌ Failed: samples: &quot;1&quot;')
    expect(step.summary).toContain('## ❌ Failed: samples')
  })
})
