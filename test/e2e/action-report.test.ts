/**
 * The bundled action in `mode: report`: results files made by three earlier generic
 * runs (as matrix jobs would) joined into one sticky comment.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { marker } from '../../src/github/comment-marker'
import type { Verdict } from '../../src/stats/types'
import {
  ActionHarness,
  COMMENT_KEY,
  commandInputs,
  loadResults,
  workflowCommands,
  type StepResult
} from '../helpers/action-runner'
import type { GitHubServer } from '../helpers/github-server'

const TOKEN = 'ghs_e2eReportToken0123456789abcdefABCD'

/**
 * name → [baseline, candidate, the verdict that pair must get]. The equal pair sleeps
 * longer: a busy machine's few milliseconds of wake-up delay must stay well inside
 * the 20% margin for `unchanged` at 10 samples.
 */
const BENCHMARKS: Record<string, [string, string, Verdict]> = {
  slower: ['sleep 0.02', 'sleep 0.06', 'regression'],
  faster: ['sleep 0.06', 'sleep 0.02', 'improvement'],
  same: ['sleep 0.2', 'sleep 0.2', 'unchanged']
}

let harness: ActionHarness
let github: GitHubServer
let resultsDir: string

beforeAll(async () => {
  harness = await ActionHarness.start(TOKEN)
  github = harness.github
  resultsDir = mkdtempSync(join(tmpdir(), 'ppg-results-'))
  // One after the other, like separate runners: parallel runs would disturb each other.
  for (const [name, [baseline, candidate]] of Object.entries(BENCHMARKS)) {
    const inputs = commandInputs(baseline, candidate, {
      name,
      samples: '10',
      threshold: '20%',
      comment: 'never',
      'fail-on': 'never',
      'results-file': join(resultsDir, `${name}.json`)
    })
    const step = await harness.job(inputs).run('index')
    expect(step.exitCode, step.stdout).toBe(0)
  }
  // A matrix job whose benchmark failed: its results file holds the error (kept apart
  // from the glob of the finished ones).
  const broken = commandInputs('sleep 0.01', 'echo "connection reset"; exit 3', {
    name: 'broken',
    comment: 'never',
    'results-file': join(resultsDir, 'failed', 'broken.json')
  })
  expect((await harness.job(broken).run('index')).exitCode).toBe(1)
}, 120_000)
afterEach(() => harness.resetGitHub())
afterAll(async () => {
  await harness.close()
  rmSync(resultsDir, { recursive: true, force: true })
})

/** The report job decides with its own threshold, never the files': the runs' 20%. */
function report(results: string): Promise<StepResult> {
  return harness.job({ mode: 'report', results, threshold: '20%' }).run('index')
}

/** The rows of the report's summary table (one per benchmark), by benchmark name. */
function summaryRows(body: string): Map<string, string> {
  const lines = body.split('\n')
  const start = lines.findIndex(line => line.startsWith('| Benchmark |'))
  const end = lines.indexOf('', start)
  const rows = lines.slice(start + 2, end)
  return new Map(rows.map(line => [line.split(' | ')[0]!.slice(2), line]))
}

describe('the bundled action in report mode', () => {
  it('made results files with the verdicts the report is about', () => {
    for (const [name, [, , verdict]] of Object.entries(BENCHMARKS)) {
      expect(loadResults(join(resultsDir, `${name}.json`)).comparison.verdict, name).toBe(verdict)
    }
  })

  it('joins the files into one comment with a row per benchmark, edited on the next run', async () => {
    const first = await report(`${resultsDir}/*.json`)
    expect(first.exitCode, first.stdout).toBe(1)
    expect(github.comments).toHaveLength(1)
    const comment = github.comments[0]!
    expect(comment.body.split('\n')[0]).toBe(marker(COMMENT_KEY))
    const rows = summaryRows(comment.body)
    expect([...rows.keys()].sort()).toEqual(Object.keys(BENCHMARKS).sort())
    expect(rows.get('slower')).toContain('Regression')
    expect(rows.get('faster')).toContain('Improvement')
    expect(rows.get('same')).toContain('Unchanged')
    const [error, ...moreErrors] = workflowCommands(first.stdout, 'error')
    expect(moreErrors).toEqual([])
    expect(error).toMatch(/^Regression in 1 of 3 benchmarks: slower$/)
    expect(first.outputs.verdict).toBe('regression')
    expect(first.outputs['comment-url']).toBe(comment.html_url)

    const second = await report(`${resultsDir}/*.json`)
    expect(second.exitCode).toBe(1)
    const routes = github.requests.map(request => request.route)
    expect(routes).toEqual([
      'list-comments',
      'create-comment',
      'list-comments',
      'get-user',
      'graphql',
      'update-comment'
    ])
    expect(github.requests.at(-1)!.path).toContain(`/issues/comments/${comment.id}`)
    expect(github.comments).toHaveLength(1)
    expect(summaryRows(comment.body).size).toBe(3)
  })

  it('names corrupt, empty and foreign files in warnings and reports the good ones', async () => {
    const bad = {
      'corrupt.json': '{"benchmark": "cut", "results": [',
      'empty.json': '',
      'package.json': JSON.stringify({ name: 'not-results', version: '1.0.0' })
    }
    const dir = mkdtempSync(join(tmpdir(), 'ppg-bad-'))
    for (const [name, text] of Object.entries(bad)) writeFileSync(join(dir, name), text)
    try {
      const step = await report(`${resultsDir}/faster.json\n${resultsDir}/same.json\n${dir}/*.json`)
      expect(step.exitCode, step.stdout).toBe(0)
      const warnings = workflowCommands(step.stdout, 'warning')
      for (const name of Object.keys(bad)) {
        expect(
          warnings.filter(warning => warning.includes(join(dir, name))),
          name
        ).toHaveLength(1)
      }
      expect(warnings).toHaveLength(3)
      // A passing report's log shows its headline too (SPEC §3): the comment's, unadorned.
      const title = github.comments[0]!.body.split('\n').find(line => line.startsWith('## '))
      expect(title).toMatch(/^## \S+ (Improvement|Unchanged|Inconclusive)\b/)
      expect(step.stdout.split('\n')).toContain(title!.replace(/^## \S+ /, ''))
      const rows = summaryRows(github.comments[0]!.body)
      expect([...rows.keys()]).toEqual(['faster', 'same'])
      expect(rows.get('faster')).toContain('Improvement')
      expect(rows.get('same')).toContain('Unchanged')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('replaces an earlier verdict with the failure when the benchmark did not finish', async () => {
    expect((await report(`${resultsDir}/same.json`)).exitCode).toBe(0)
    expect(github.comments[0]!.body).toContain('Unchanged')
    const step = await report(`${resultsDir}/failed/broken.json`)
    expect(step.exitCode, step.stdout).toBe(1)
    expect(step.stdout + step.stderr).not.toMatch(/^\s+at /m)
    expect(workflowCommands(step.stdout, 'error')).toEqual(['1 of 1 benchmark failed: broken'])
    // The same comment, edited: the pull request no longer shows the old verdict.
    expect(github.comments).toHaveLength(1)
    const body = github.comments[0]!.body
    expect(body).toContain('## ❌ Failed: 1 of 1 benchmark failed: broken')
    expect(body).toContain('failed with exit code 3')
    expect(body).not.toContain('Unchanged')
    expect(step.summary).toContain('failed: broken')
  })

  it('names a run that did not finish beside the finished ones, and fails', async () => {
    const step = await report(`${resultsDir}/faster.json\n${resultsDir}/failed/broken.json`)
    expect(step.exitCode, step.stdout).toBe(1)
    expect(workflowCommands(step.stdout, 'error')).toEqual(['1 of 2 benchmarks failed: broken'])
    const body = github.comments[0]!.body
    expect(body).toContain('1 of 2 benchmarks failed: broken.')
    expect([...summaryRows(body).keys()]).toEqual(['faster'])
    expect(step.outputs.verdict).toBe('improvement')
  })
})
