import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import { runCli } from '../../src/cli/main'
import { withoutRunnerVariables } from './action-runner'
import { BUNDLED_CLI } from './commands'

export interface CliResult {
  status: number
  stdout: string
  stderr: string
}

/** Runs the command line in-process, capturing what it prints. */
export async function cli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  const status = await runCli(
    argv,
    { stdout: text => (stdout += text), stderr: text => (stderr += text), env },
    'test'
  )
  return { status, stdout, stderr }
}

/**
 * Runs the bundled command line in a process of its own, with `env` over this process's
 * environment (less the runner's variables): for runs that go on side by side, which
 * in-process runs cannot (the tool cache reads its folders from `process.env`).
 */
export async function cliProcess(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const child = spawn(process.execPath, [BUNDLED_CLI, ...argv], {
    env: { ...withoutRunnerVariables(process.env), ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null]
  if (code === null) throw new Error(`the command line was killed by ${signal}:\n${stderr}`)
  return { status: code, stdout, stderr }
}

/**
 * Writes `content` (a string, or JSON for anything else) to a file in a fresh folder,
 * removed when the current test ends. Call it inside a test.
 */
export function tempFile(name: string, content: unknown): string {
  const folder = mkdtempSync(join(tmpdir(), 'ppg-'))
  onTestFinished(() => rmSync(folder, { recursive: true, force: true }))
  const path = join(folder, name)
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}
