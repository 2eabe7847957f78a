import { basename } from 'node:path'
import { childEnv } from '../bench/process/child-env'
import { runProcess } from '../bench/process/spawn'
import type { StopPolicy } from '../bench/types'

export interface RunOptions {
  cwd?: string
  /** Extra environment on top of childEnv(process.env): the step's without the action's secrets. */
  env?: Record<string, string>
  /** Stopped after this long (SIGINT, then SIGKILL after the grace); the result then has `timedOut`. */
  timeoutMs?: number
  /** Written to the program's stdin (otherwise it gets none): values kept off its command line. */
  input?: string
  /** Default: a cancellation lets it finish (short commands such as `stack init`). */
  stop?: StopPolicy
  /** What it works on (a stack), recorded with it while it runs. */
  tag?: string
}

export interface RunResult {
  /** Null when the process was killed by a signal or could not start. */
  exitCode: number | null
  stdout: string
  stderr: string
  timedOut: boolean
  /** It ended after a cancellation's SIGINT. */
  interrupted: boolean
  /** Why the process could not start (e.g. ENOENT), if it could not. */
  spawnError?: string
}

/** Commands that take a moment and must not stop halfway: a cancellation lets them finish. */
const FINISH_ON_CANCEL: StopPolicy = { onCancel: 'finish', graceMs: 10_000 }

/**
 * Runs a program directly (argv, no shell) through the one process runner and collects
 * its output. Never rejects.
 */
export async function runCaptured(
  file: string,
  args: string[],
  options: RunOptions = {}
): Promise<RunResult> {
  const result = await runProcess(
    {
      file,
      args,
      cwd: options.cwd,
      env: childEnv(process.env, options.env),
      stdin: options.input
    },
    {
      output: 'capture',
      timeoutMs: options.timeoutMs,
      stop: options.stop ?? FINISH_ON_CANCEL,
      label: [basename(file), ...args.slice(0, 2)].join(' '),
      tag: options.tag
    }
  )
  const { stdout = '', stderr = '' } = result.captured ?? {}
  return {
    exitCode: 'exitCode' in result ? (result.exitCode ?? null) : null,
    stdout,
    stderr,
    timedOut: result.kind === 'timed-out',
    interrupted: result.kind === 'aborted',
    ...(result.kind === 'not-started' ? { spawnError: result.reason } : {})
  }
}

/**
 * One line saying how a run failed: the command, the exit status and the program's
 * error: its last `error:` paragraph (Pulumi's form, often followed by advice), else its
 * last line.
 */
export function describeFailure(file: string, args: string[], result: RunResult): string {
  const command = [file, ...args].join(' ')
  if (result.spawnError) return `${command} could not start: ${result.spawnError}`
  const status = result.timedOut
    ? 'timed out'
    : result.interrupted
      ? 'was interrupted'
      : result.exitCode === null
        ? 'was killed'
        : `failed with exit code ${result.exitCode}`
  const reason = errorReason(`${result.stdout}\n${result.stderr}`)
  return reason ? `${command} ${status}: ${reason}` : `${command} ${status}`
}

/** Longest reason kept: one line of a log or an annotation, not a page. */
const MAX_REASON = 500

/**
 * The last `error:` line with the lines that continue it, up to a blank line, joined into
 * one. Pulumi's errors may start on the next line (the legacy-backend error of 3.257 is
 * `error: ` and a framed paragraph), so a bare `error:` alone would lose the reason;
 * frame lines (`====`) carry none.
 */
function errorReason(output: string): string {
  const lines = output.split(/\r?\n/).map(line => line.trim())
  const start = lines.findLastIndex(line => /^error:/i.test(line))
  if (start === -1) return bounded(lines.findLast(line => line !== '') ?? '')
  const paragraph = [lines[start] ?? '']
  // Only a bare `error:` looks past blank lines for its text.
  let bare = /^error:$/i.test(paragraph[0] ?? '')
  for (const line of lines.slice(start + 1)) {
    if (/^[=\-_*]{3,}$/.test(line)) continue
    if (line === '' && bare) continue
    if (line === '') break
    paragraph.push(line)
    bare = false
  }
  return bounded(paragraph.join(' ').replace(/\s+/g, ' '))
}

function bounded(text: string): string {
  return text.length <= MAX_REASON ? text : `${text.slice(0, MAX_REASON - 1).trimEnd()}…`
}
