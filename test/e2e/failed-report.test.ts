/**
 * A run that does not end with a verdict still reports (docs/results-file.md): the
 * bundled action replaces an earlier comment with what failed, the log's tail and the
 * samples so far, and writes the same to the job summary, so no stale verdict stays on
 * the pull request. A summary that cannot be written is a warning, and a results file
 * that cannot be written (a full disk) fails the step only after the report is out.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { marker } from '../../src/github/comment-marker'
import {
  ActionHarness,
  COMMENT_KEY,
  commandInputs,
  workflowCommands,
  type StepResult
} from '../helpers/action-runner'
import { useActionHarness } from '../helpers/file-setup'
import { switchAfter } from '../helpers/commands'
import type { GitHubServer } from '../helpers/github-server'
import { canMount, mounted } from '../helpers/filesystems'

const TOKEN = 'ghs_e2eFailedReportToken0123456789abcd'
const FAST = 'sleep 0.02'
const SLOW = 'sleep 0.15'

let harness: ActionHarness
let github: GitHubServer
useActionHarness(TOKEN, started => {
  harness = started
  github = started.github
})

function expectNoTrace(step: StepResult): void {
  expect(step.stdout + step.stderr).not.toMatch(/^\s+at /m)
}

describe('a benchmark that fails', () => {
  it('replaces the earlier comment and fills the summary with what failed', async () => {
    const first = await harness.job(commandInputs(SLOW, FAST)).run('index')
    expect(first.exitCode, first.stdout).toBe(0)
    expect(github.comments).toHaveLength(1)
    expect(github.comments[0]!.body).toContain('Improvement')

    // The candidate's fourth call (warmup, then its third sample) prints and fails.
    const failing = 'for i in 1 2 3; do echo "output line $i"; done; exit 3'
    const scratch = harness.job({}).runnerTemp
    const candidate = switchAfter(join(scratch, 'calls'), 3, FAST, failing)
    const step = await harness.job(commandInputs(SLOW, candidate)).run('index')
    expectNoTrace(step)
    expect(step.exitCode).toBe(1)
    const errors = workflowCommands(step.stdout, 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^candidate sample 3 of 6 .* failed with exit code 3\./)

    expect(github.comments).toHaveLength(1)
    const body = github.comments[0]!.body
    expect(body.split('\n')[0]).toBe(marker(COMMENT_KEY))
    for (const report of [body, step.summary]) {
      expect(report).toMatch(
        /^## ❌ Failed: candidate sample 3 of 6 .* failed with exit code 3\.$/m
      )
      expect(report).toContain('Samples so far')
      expect(report).not.toContain('Improvement')
    }
    // The command's log lines: in the summary, not in the public comment (comment-logs).
    expect(step.summary).toContain('output line 3')
    expect(body).not.toContain('output line 3')
    expect(step.outputs['results-file']).toBeTruthy()
    expect(step.outputs.verdict).toBeUndefined()
  })

  it('reports an interrupted run as interrupted, in the summary and the comment', async () => {
    const running = harness
      .job(commandInputs('sleep 0.2', 'sleep 0.2', { samples: '20' }))
      .start('index')
    for (
      const deadline = Date.now() + 30_000;
      !/sample 1\/20/.test(running.stdout());
      await sleep(50)
    ) {
      if (Date.now() > deadline || running.child.exitCode !== null)
        throw new Error(running.stdout())
    }
    running.child.kill('SIGINT')
    const step = await running.finished
    expectNoTrace(step)
    expect(step.exitCode).not.toBe(0)
    expect(step.summary).toMatch(/^## ⏹️ Interrupted: /m)
    expect(github.comments).toHaveLength(1)
    expect(github.comments[0]!.body).toMatch(/^## ⏹️ Interrupted: /m)
  })
})

describe('the job summary', () => {
  it('is a warning, not a failure, when GITHUB_STEP_SUMMARY is missing', async () => {
    const step = await harness.job(commandInputs(SLOW, FAST)).run('index', {}, { summary: false })
    expectNoTrace(step)
    expect(step.exitCode, step.stdout).toBe(0)
    const warnings = workflowCommands(step.stdout, 'warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/job summary/)
    expect(github.comments).toHaveLength(1)
    expect(step.outputs.verdict).toBe('improvement')
  })
})

describe.skipIf(!canMount)('a full disk', () => {
  it('fails the step naming the results file, after publishing the report', async () => {
    const disk = join(harness.job({}).runnerTemp, 'small-disk')
    mkdirSync(disk)
    const resultsFile = join(disk, 'results.json')
    const step = await harness
      .job(commandInputs(SLOW, FAST, { 'results-file': resultsFile }))
      .run('index', {}, { prefix: mounted(disk, 'size=8k') })
    expectNoTrace(step)
    expect(step.exitCode).toBe(1)
    expect(workflowCommands(step.stdout, 'error')).toEqual([
      `could not write the results file ${resultsFile}: no space left on device (ENOSPC)`
    ])
    expect(step.outputs.verdict).toBe('improvement')
    expect(step.summary).toContain('Improvement')
    expect(step.summary).toContain(`could not write the results file ${resultsFile}`)
    expect(github.comments).toHaveLength(1)
    expect(readFileSync(`${disk}.left`, 'utf8')).toBe('logs\n')
  })
})
