/**
 * Report mode reads results files made by other jobs, maybe by a fork's code: the
 * bundled action must treat them as untrusted data (docs/workflows.md, fork pull requests). A
 * hostile file is named in a warning and left out; the others are still reported,
 * and links come from the report job's own environment.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ActionHarness, RUN_URL, workflowCommands, type StepResult } from '../helpers/action-runner'
import { useActionHarness } from '../helpers/file-setup'
import type { GitHubServer } from '../helpers/github-server'
import { buildResults, spread } from '../helpers/build-results'

const TOKEN = 'ghs_e2eUntrustedToken0123456789abcdefAB'

let harness: ActionHarness
let github: GitHubServer
let dir: string

useActionHarness(TOKEN, started => {
  harness = started
  github = started.github
})
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ppg-untrusted-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A results file of a clear improvement (60 s → 20 s), under `name`, with `changes`. */
function resultsFile(
  name: string,
  changes: (data: Record<string, unknown>) => void = () => {},
  text: (json: string) => string = json => json
) {
  const data = buildResults({
    benchmark: name,
    baseline: spread(10, 60, 2),
    candidate: spread(10, 20, 1),
    verdict: 'improvement'
  }) as unknown as Record<string, unknown>
  changes(data)
  const path = join(dir, `${name}.json`)
  writeFileSync(path, text(JSON.stringify(data)))
  return path
}

function report(...files: string[]): Promise<StepResult> {
  return harness.job({ mode: 'report', results: files.join('\n') }).run('index')
}

/** The step ran to its end: no crash, no stack trace. */
function expectNoCrash(step: StepResult): void {
  expect(step.stdout + step.stderr).not.toMatch(/^\s+at /m)
  expect(step.stderr).not.toMatch(/heap out of memory|Maximum call stack/i)
}

describe('report mode with hostile results files', () => {
  it('links only to its own workflow run, never to a URL from a file', async () => {
    const phishing = 'https://evil.example/github-login'
    const file = resultsFile('phishing', data => {
      data.environment = { os: 'linux', runUrl: phishing, note: 'nothing to see' }
    })
    const step = await report(file)
    expectNoCrash(step)
    expect(step.exitCode, step.stdout).toBe(0)
    expect(github.comments).toHaveLength(1)
    for (const text of [github.comments[0]!.body, step.summary]) {
      expect(text).toContain(`[workflow run](${RUN_URL})`)
      expect(text).not.toContain('evil.example')
    }
  })

  it('names a file whose design asks for 1e9 samples and reports the others', async () => {
    const good = resultsFile('good')
    const huge = resultsFile('huge-design', data => {
      Object.assign(data.comparison as object, { plannedSamples: 1e9, plannedLooks: 1e9 })
    })
    const step = await report(good, huge)
    expectNoCrash(step)
    expect(step.exitCode, step.stdout).toBe(0)
    const warnings = workflowCommands(step.stdout, 'warning')
    expect(warnings.filter(warning => warning.includes(huge))).toHaveLength(1)
    expect(step.outputs.verdict).toBe('improvement')
    expect(github.comments[0]!.body).toContain('| good |')
    expect(github.comments[0]!.body).not.toContain('huge-design |')
  })

  it('names a file nested 5,000 deep and reports the others, outputs matching', async () => {
    const good = resultsFile('good')
    // 10 KB of brackets: written as text, since JSON.stringify cannot nest that deep either.
    const deep = resultsFile(
      'deep',
      data => (data.environment = { os: 'linux', nested: 'DEEP' }),
      json => json.replace('"DEEP"', `${'['.repeat(5000)}${']'.repeat(5000)}`)
    )
    const step = await report(deep, good)
    expectNoCrash(step)
    expect(step.exitCode, step.stdout).toBe(0)
    const warnings = workflowCommands(step.stdout, 'warning')
    expect(warnings.filter(warning => warning.includes(deep))).toHaveLength(1)
    expect(step.outputs.verdict).toBe('improvement')
    expect(github.comments).toHaveLength(1)
    expect(github.comments[0]!.body).toContain('| good |')
    expect(step.summary).toContain('| good |')
  })
})
