import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import { runCli } from '../../src/cli/main'

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
