import { spawn, type ChildProcess } from 'node:child_process'
import { basename } from 'node:path'
import { openCapture, type Capture, type CapturedOutput } from './capture'
import { childEnv } from './child-env'
import { formatTimeSpan } from '../schedule/format'
import { processStartTime, signalProcessGroup } from './process-group'
import { startResourceProbe } from '../resources/resources'
import type { ResourceUsage } from '../resources/resource-usage'
import { interruptProcess, trackProcess, type RunningProcess } from './running'
import { TRACKING_VARIABLE, killTrackedProcesses, newTrackingId } from './tracking'
import type { StopPolicy } from '../types'

export interface ProcessSpec {
  file: string
  args: string[]
  env?: NodeJS.ProcessEnv | undefined
  cwd?: string | undefined
  /** Written to the process's stdin, which is then closed; without it stdin is empty. */
  stdin?: string | undefined
}

/** The user's own commands: they get 2 s after a SIGINT to clean up after themselves. */
export const USER_COMMAND_STOP: StopPolicy = { onCancel: 'interrupt-then-kill', graceMs: 2000 }

export interface RunProcessOptions {
  /** Where stdout and stderr go: an open file descriptor, nowhere, or back to the caller. */
  output: number | 'ignore' | 'capture'
  /** Unset: no limit. */
  timeoutMs?: number | undefined
  stop?: StopPolicy | undefined
  /** Already aborted: nothing is started. Cancelling a running command is up to interruptRunningProcesses. */
  signal?: AbortSignal | undefined
  /** Short text naming the command while it runs (default: the program's file name). */
  label?: string | undefined
  /** What the command works on, recorded with it while it runs (e.g. a stack). */
  tag?: string | undefined
  /** Also measure CPU and peak memory (resources.ts); `exited` then carries them. */
  measureResources?: boolean
}

/** How a process ended. Only `exited` carries a time: nothing else becomes a sample. */
export type ProcessOutcome =
  | { kind: 'exited'; exitCode: number; seconds: number; resources?: ResourceUsage }
  | { kind: 'signaled'; signal: string }
  | { kind: 'timed-out' }
  /** It ended after a cancellation's SIGINT (with `exitCode`), or was not started because of one. */
  | { kind: 'aborted'; exitCode?: number | null }
  | { kind: 'not-started'; reason: string }

type ProcessResult = ProcessOutcome & { captured?: CapturedOutput }

/** setTimeout fires at once for larger delays, so longer limits are capped here (~24 days). */
const MAX_TIMER_MS = 2 ** 31 - 1
const isWindows = process.platform === 'win32'

/**
 * Runs one process in its own process group and measures its wall time from spawn to
 * exit on the monotonic clock. While it runs it is listed in running.ts (pid, label,
 * tag), where a cancellation finds it; it is stopped as its StopPolicy says. After any
 * unsuccessful end what is left of its group is killed, and after every end whatever it
 * started elsewhere (tracking.ts): no descendant outlives its command, however it left
 * the group. Captured output goes through files, not pipes: a command that outlives
 * us (the action's main step leaves a cancelled `pulumi up` running) must not die of a
 * broken pipe. Never rejects.
 */
export function runProcess(spec: ProcessSpec, options: RunProcessOptions): Promise<ProcessResult> {
  if (options.signal?.aborted) return Promise.resolve({ kind: 'aborted' })
  const stop = options.stop ?? USER_COMMAND_STOP
  let capture: Capture | undefined
  try {
    capture = options.output === 'capture' ? openCapture() : undefined
  } catch (error) {
    return Promise.resolve({ kind: 'not-started', reason: (error as Error).message })
  }
  const output = options.output === 'capture' ? undefined : options.output

  return new Promise(resolve => {
    let timedOut = false
    let graceTimer: NodeJS.Timeout | undefined
    let timeoutTimer: NodeJS.Timeout | undefined
    let child: ChildProcess
    // Made before the clock starts: what it reads first costs the sample nothing.
    const probe = options.measureResources ? startResourceProbe(spec) : undefined
    // The clock starts before spawn(), as in hyperfine. Starting it after spawn()
    // returns would leave out Node's fork (1–2 ms), but on a busy machine the child
    // may run for a long time before this process is scheduled again, and samples
    // come out too short, even 0. The fork cost is the same for both groups and,
    // for shell commands, is part of the calibrated overhead that is subtracted.
    // Without one, as for the shell's calibration, the same environment samples get;
    // worked out before the clock starts, as every sample's is.
    const trackingId = newTrackingId()
    const env = { ...(spec.env ?? childEnv(process.env)), [TRACKING_VARIABLE]: trackingId }
    const start = process.hrtime.bigint()
    try {
      child = spawn(probe?.file ?? spec.file, probe?.args ?? spec.args, {
        cwd: spec.cwd,
        env,
        stdio: [
          spec.stdin === undefined ? 'ignore' : 'pipe',
          capture?.stdout ?? output,
          capture?.stderr ?? output
        ],
        detached: !isWindows,
        windowsHide: true
      })
    } catch (error) {
      probe?.stop()
      capture?.read()
      resolve({ kind: 'not-started', reason: (error as Error).message })
      return
    }
    probe?.spawned(child.pid)
    // The child has its own copies of the descriptors.
    capture?.closeOurs()
    if (spec.stdin !== undefined && child.stdin) {
      // A program that exits without reading its input must not crash us with EPIPE.
      child.stdin.on('error', () => {})
      child.stdin.end(spec.stdin)
    }

    const killGroup = (signal: NodeJS.Signals) => {
      if (child.pid !== undefined) signalProcessGroup(child.pid, signal)
    }
    const killAfterGrace = () => {
      graceTimer ??= setTimeout(() => killGroup('SIGKILL'), stop.graceMs)
    }
    const tracked: RunningProcess | undefined =
      child.pid === undefined
        ? undefined
        : {
            pid: child.pid,
            startTime: processStartTime(child.pid),
            trackingId,
            label: options.label ?? basename(spec.file),
            tag: options.tag,
            interruptible: stop.onCancel !== 'finish',
            killAfterMs: stop.onCancel === 'interrupt-then-kill' ? stop.graceMs : undefined,
            interrupts: 0,
            ...(stop.onCancel === 'finish-then-interrupt' ? { spareOnCancel: true } : {}),
            // macOS's /usr/bin/time forwards SIGINT to the command it runs: a SIGINT to
            // the whole group would reach the command twice (bsd-time.ts).
            ...(probe?.forwardsInterrupt ? { interruptLeaderOnly: true } : {})
          }
    const untrack = tracked
      ? trackProcess(tracked, () => {
          if (stop.onCancel === 'interrupt-then-kill') killAfterGrace()
        })
      : () => {}
    if (options.timeoutMs !== undefined) {
      timeoutTimer = setTimeout(
        () => {
          timedOut = true
          if (stop.onCancel === 'finish-then-interrupt') {
            // Its SIGINT would drop what it has in flight from the state while the cloud
            // keeps it; killed outright, it leaves those operations pending in the state,
            // where the teardown finds them and keeps the stack, naming them.
            killGroup('SIGKILL')
            return
          }
          // Untracked only without a pid, when there is nothing to signal.
          if (tracked) interruptProcess(tracked)
          killAfterGrace()
        },
        Math.min(options.timeoutMs, MAX_TIMER_MS)
      )
    }

    let settled = false
    const settle = (outcome: ProcessOutcome) => {
      if (settled) return
      settled = true
      clearTimeout(timeoutTimer)
      clearTimeout(graceTimer)
      if (outcome.kind !== 'exited' || outcome.exitCode !== 0) killGroup('SIGKILL')
      // Its plugins, daemons and setsid children: the command is over, so are they.
      if (outcome.kind !== 'not-started') killTrackedProcesses(trackingId)
      untrack()
      const captured = capture?.read()
      resolve(captured ? { ...outcome, captured } : outcome)
    }

    child.once('error', error => {
      probe?.stop()
      settle({ kind: 'not-started', reason: error.message })
    })
    child.once('exit', (exitCode, exitSignal) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9
      const resources = probe?.finish()
      if (timedOut) settle({ kind: 'timed-out' })
      else if ((tracked?.interrupts ?? 0) > 0) settle({ kind: 'aborted', exitCode })
      else if (exitCode !== null)
        settle({ kind: 'exited', exitCode, seconds, ...(resources && { resources }) })
      else settle({ kind: 'signaled', signal: exitSignal ?? 'an unknown signal' })
    })
  })
}

/**
 * Waits for a process, or for `signal`: whichever comes first. The process is not
 * stopped here: a cancellation reaches it through interruptRunningProcesses and it
 * may take its time to finish, while the caller goes on.
 */
export async function untilAborted(
  running: Promise<ProcessResult>,
  signal: AbortSignal | undefined
): Promise<ProcessResult> {
  if (signal === undefined) return running
  let onAbort = () => {}
  const aborted = new Promise<ProcessResult>(resolve => {
    onAbort = () => resolve({ kind: 'aborted' })
    if (signal.aborted) onAbort()
    else signal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    return await Promise.race([running, aborted])
  } finally {
    signal.removeEventListener('abort', onAbort)
  }
}

/** How an unsuccessful outcome reads after "baseline sample 3 of 20 …". */
export function describeOutcome(outcome: ProcessOutcome, timeoutMs: number | undefined): string {
  switch (outcome.kind) {
    case 'exited':
      return `failed with exit code ${outcome.exitCode}`
    case 'signaled':
      return `was killed by ${outcome.signal}`
    case 'timed-out':
      return timeoutMs === undefined
        ? 'timed out'
        : `timed out after ${formatTimeSpan(timeoutMs / 1000)}`
    case 'aborted':
      return 'was aborted'
    case 'not-started':
      return `could not start (${outcome.reason})`
  }
}
