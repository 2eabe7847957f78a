import { spawn } from 'node:child_process'
import { childEnv } from '../bench/child-env'

export interface RunOptions {
  cwd?: string
  /** Extra environment on top of process.env. */
  env?: Record<string, string>
  /** Killed after this long; the result then has `timedOut`. */
  timeoutMs?: number
  /** Written to the program's stdin (otherwise it gets none): values kept off its command line. */
  input?: string
}

export interface RunResult {
  /** Null when the process was killed by a signal or could not start. */
  exitCode: number | null
  stdout: string
  stderr: string
  timedOut: boolean
  /** Why the process could not start (e.g. ENOENT), if it could not. */
  spawnError?: string
}

/** Runs a program directly (argv, no shell) and collects its output. Never rejects. */
export function runCaptured(
  file: string,
  args: string[],
  options: RunOptions = {}
): Promise<RunResult> {
  return new Promise(resolve => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: childEnv(process.env, options.env),
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      windowsHide: true
    })
    // A program that exits without reading its input is not an error here.
    child.stdin?.on('error', () => {})
    child.stdin?.end(options.input)
    let stdout = ''
    let stderr = ''
    let spawnError: string | undefined
    let timedOut = false
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true
            child.kill()
          }, options.timeoutMs)
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', error => (spawnError = error.message))
    child.on('close', exitCode => {
      clearTimeout(timer)
      resolve({ exitCode, stdout, stderr, timedOut, ...(spawnError ? { spawnError } : {}) })
    })
  })
}

/**
 * One line saying how a run failed: the command, the exit status and the program's
 * error: its last `error:` line (Pulumi's form, often followed by advice), else its last
 * line.
 */
export function describeFailure(file: string, args: string[], result: RunResult): string {
  const command = [file, ...args].join(' ')
  if (result.spawnError) return `${command} could not start: ${result.spawnError}`
  const status = result.timedOut
    ? 'timed out'
    : result.exitCode === null
      ? 'was killed'
      : `failed with exit code ${result.exitCode}`
  const output = `${result.stdout}\n${result.stderr}`
  const errorLines = output.split(/\r?\n/).filter(line => /^error:/i.test(line.trim()))
  const reason = errorLines.at(-1)?.trim() ?? lastLine(output)
  return reason ? `${command} ${status}: ${reason}` : `${command} ${status}`
}

function lastLine(output: string): string {
  const lines = output.split(/\r?\n/).filter(line => line.trim() !== '')
  return lines.at(-1)?.trim() ?? ''
}
