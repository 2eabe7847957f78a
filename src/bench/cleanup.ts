import { closeSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { ShellSetting, Step } from './types'
import { describeError } from '../core/errors/errors'
import { resolveStep } from './process/command'
import { openLog, writeLogHeader } from './log'
import { describeOutcome, runProcess } from './process/spawn'

export interface CleanupOptions {
  /** Log the steps' output is appended to; without it the output is dropped. */
  logPath?: string
  /** Limit for each step; the default matches the `timeout` input's default. */
  timeoutMs?: number
}

const DEFAULT_CLEANUP_TIMEOUT_MS = 30 * 60_000

/**
 * Runs each cleanup step once, in order, carrying on past failures so one broken
 * step does not leave the rest undone. Never throws for a failing step: returns
 * one warning line per step that did not succeed. Takes no AbortSignal because it
 * runs after one has fired.
 */
export async function runCleanup(
  steps: Step[],
  shell: ShellSetting,
  options: CleanupOptions = {}
): Promise<string[]> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_CLEANUP_TIMEOUT_MS
  if (options.logPath !== undefined) mkdirSync(dirname(options.logPath), { recursive: true })
  const logFd = options.logPath === undefined ? undefined : openLog(options.logPath, 'append')
  const warnings: string[] = []
  try {
    for (const [index, step] of steps.entries()) {
      const what = `cleanup step ${index + 1} of ${steps.length}`
      try {
        const resolved = resolveStep(step, shell)
        if (logFd !== undefined) writeLogHeader(logFd, `${what}: ${resolved.text}`)
        const outcome = await runProcess(resolved, { output: logFd ?? 'ignore', timeoutMs })
        if (outcome.kind !== 'exited' || outcome.exitCode !== 0) {
          const where = options.logPath === undefined ? '' : `; see ${options.logPath}`
          warnings.push(`${what} (${resolved.text}) ${describeOutcome(outcome, timeoutMs)}${where}`)
        }
      } catch (error) {
        warnings.push(`${what} could not run: ${describeError(error)}`)
      }
    }
  } finally {
    if (logFd !== undefined) closeSync(logFd)
  }
  return warnings
}
