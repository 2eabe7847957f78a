/**
 * `npm run local-action` with the shipped .env.example: @github/local-action runs the
 * action from src/ (its stubs stand in for @actions/core and @actions/github), offline.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { withoutRunnerVariables } from '../helpers/action-runner'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'ppg-local-action-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** .env.example with its scratch folders moved into `work`. */
function envFile(): string {
  const moved: Record<string, string> = {
    RUNNER_TEMP: join(work, 'temp'),
    RUNNER_TOOL_CACHE: join(work, 'tool-cache'),
    GITHUB_STEP_SUMMARY: join(work, 'summary.md')
  }
  const lines = readFileSync(join(ROOT, '.env.example'), 'utf8')
    .split('\n')
    .map(line => {
      const name = line.split('=')[0]!
      return name in moved ? `${name}=${moved[name]}` : line
    })
  const path = join(work, '.env')
  writeFileSync(path, lines.join('\n'))
  return path
}

/** The rows of local-action's "Action Outputs" table, by output name. */
function outputsTable(stdout: string): Map<string, string> {
  const table = stdout.split('Action Outputs')[1] ?? ''
  const rows = [...table.matchAll(/│\s*\d+\s*│\s*'([\w-]+)'\s*│\s*'([^']*)'\s*│/g)]
  return new Map(rows.map(([, name, value]) => [name!, value!]))
}

describe('npm run local-action', () => {
  it('runs the generic-mode example of .env.example offline and writes the report', async () => {
    const env = envFile()
    // The script's own command line, with the copied env file in place of `.env`.
    const script = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts[
      'local-action'
    ] as string
    expect(script).toBe('local-action . src/action/main.ts .env')
    const child = spawn(
      join(ROOT, 'node_modules/.bin/local-action'),
      ['.', 'src/action/main.ts', env],
      {
        cwd: ROOT,
        env: withoutRunnerVariables(process.env),
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    let stdout = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    await once(child, 'close')

    const outputs = outputsTable(stdout)
    expect(outputs.get('verdict'), stdout).toBe('regression')
    const resultsFile = outputs.get('results-file')!
    expect(dirname(resultsFile)).toMatch(/\/pulumi-perf-gate-[0-9a-f]{12}$/)
    expect(dirname(dirname(resultsFile))).toBe(join(work, 'temp'))
    expect(existsSync(resultsFile)).toBe(true)
    expect(outputs.get('comment-url')).toBe('')
    expect(stdout).toMatch(/^::error::Regression: candidate .* slower than baseline/m)
    expect(readFileSync(join(work, 'summary.md'), 'utf8')).toMatch(/^## 🔴 Regression/m)
  })
})
