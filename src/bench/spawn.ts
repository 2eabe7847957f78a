import { spawn, type ChildProcess } from 'node:child_process'
import { childEnv } from './child-env'
import { formatTimeSpan } from './format'
import { startResourceProbe } from './resources'
import type { ResourceUsage } from './resource-usage'

export interface ProcessSpec {
  file: string
  args: string[]
  env?: NodeJS.ProcessEnv | undefined
  cwd?: string | undefined
}

export interface RunProcessOptions {
  /** Where stdout and stderr go: an open file descriptor, or nowhere. */
  output: number | 'ignore'
  timeoutMs: number
  signal?: AbortSignal | undefined
  /** Also measure CPU and peak memory (resources.ts); `exited` then carries them. */
  measureResources?: boolean
}

/** How a process ended. Only `exited` carries a time: nothing else becomes a sample. */
export type ProcessOutcome =
  | { kind: 'exited'; exitCode: number; seconds: number; resources?: ResourceUsage }
  | { kind: 'signaled'; signal: string }
  | { kind: 'timed-out' }
  | { kind: 'aborted' }
  | { kind: 'not-started'; reason: string }

/** Time a timed-out process gets between SIGTERM and SIGKILL to clean up after itself. */
const KILL_GRACE_MS = 2000
/** setTimeout fires at once for larger delays, so longer limits are capped here (~24 days). */
const MAX_TIMER_MS = 2 ** 31 - 1
const isWindows = process.platform === 'win32'

/**
 * Runs one process in its own process group and measures its wall time from spawn
 * to exit on the monotonic clock. On timeout the whole group gets SIGTERM, then
 * SIGKILL after a grace period; on abort SIGKILL at once. After any unsuccessful
 * end the group is killed too, so no grandchild outlives a failed step.
 */
export function runProcess(spec: ProcessSpec, options: RunProcessOptions): Promise<ProcessOutcome> {
  const { signal } = options
  if (signal?.aborted) return Promise.resolve({ kind: 'aborted' })

  return new Promise(resolve => {
    let stoppedBy: 'timed-out' | 'aborted' | undefined
    let graceTimer: NodeJS.Timeout | undefined
    let child: ChildProcess
    // Made before the clock starts: what it reads first costs the sample nothing.
    const probe = options.measureResources ? startResourceProbe(spec) : undefined
    // The clock starts before spawn(), as in hyperfine. Starting it after spawn()
    // returns would leave out Node's fork (1–2 ms), but on a busy machine the child
    // may run for a long time before this process is scheduled again, and samples
    // come out too short, even 0. The fork cost is the same for both groups and,
    // for shell commands, is part of the calibrated overhead that is subtracted.
    const start = process.hrtime.bigint()
    try {
      child = spawn(probe?.file ?? spec.file, probe?.args ?? spec.args, {
        cwd: spec.cwd,
        // Without one, as for the shell's calibration, the same environment samples get.
        env: spec.env ?? childEnv(process.env),
        stdio: ['ignore', options.output, options.output],
        detached: !isWindows,
        windowsHide: true
      })
    } catch (error) {
      probe?.stop()
      resolve({ kind: 'not-started', reason: (error as Error).message })
      return
    }
    probe?.spawned(child.pid)

    const killGroup = (killSignal: NodeJS.Signals) => {
      if (child.pid !== undefined) killProcessGroup(child.pid, killSignal)
    }
    const onAbort = () => {
      stoppedBy ??= 'aborted'
      killGroup('SIGKILL')
    }
    const timeoutTimer = setTimeout(
      () => {
        stoppedBy ??= 'timed-out'
        killGroup('SIGTERM')
        graceTimer = setTimeout(() => killGroup('SIGKILL'), KILL_GRACE_MS)
      },
      Math.min(options.timeoutMs, MAX_TIMER_MS)
    )
    signal?.addEventListener('abort', onAbort, { once: true })

    let settled = false
    const settle = (outcome: ProcessOutcome) => {
      if (settled) return
      settled = true
      clearTimeout(timeoutTimer)
      clearTimeout(graceTimer)
      probe?.stop()
      signal?.removeEventListener('abort', onAbort)
      if (outcome.kind !== 'exited' || outcome.exitCode !== 0) killGroup('SIGKILL')
      resolve(outcome)
    }

    child.once('error', error => settle({ kind: 'not-started', reason: error.message }))
    child.once('exit', (exitCode, exitSignal) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9
      const resources = probe?.finish()
      if (stoppedBy) settle({ kind: stoppedBy })
      else if (exitCode !== null)
        settle({ kind: 'exited', exitCode, seconds, ...(resources && { resources }) })
      else settle({ kind: 'signaled', signal: exitSignal ?? 'an unknown signal' })
    })
  })
}

/** Sends a signal to every process of a group; a group that is already gone is fine. */
export function killProcessGroup(pid: number, signal: NodeJS.Signals): void {
  if (isWindows) {
    // Windows has no process groups; taskkill /T ends the tree instead.
    spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore' }).once(
      'error',
      () => {}
    )
    return
  }
  try {
    process.kill(-pid, signal)
  } catch {
    // ESRCH: nothing left to kill.
  }
}

/** How an unsuccessful outcome reads after "baseline sample 3 of 20 …". */
export function describeOutcome(outcome: ProcessOutcome, timeoutMs: number): string {
  switch (outcome.kind) {
    case 'exited':
      return `failed with exit code ${outcome.exitCode}`
    case 'signaled':
      return `was killed by ${outcome.signal}`
    case 'timed-out':
      return `timed out after ${formatTimeSpan(timeoutMs / 1000)}`
    case 'aborted':
      return 'was aborted'
    case 'not-started':
      return `could not start (${outcome.reason})`
  }
}
