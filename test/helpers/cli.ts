import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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

/** Writes `content` (a string, or JSON for anything else) to a file in a fresh folder. */
export function tempFile(name: string, content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ppg-')), name)
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}
