import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'

const isWindows = process.platform === 'win32'

/**
 * Sends a signal to every process of the group led by `pid`; a group that is gone is
 * fine. Windows has no process groups and no way to send Ctrl-C to a process on
 * another console: SIGKILL ends the tree with taskkill, other signals do nothing there.
 */
export function signalProcessGroup(pid: number, signal: NodeJS.Signals): void {
  if (isWindows) {
    if (signal !== 'SIGKILL') return
    spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore' }).once(
      'error',
      () => {}
    )
    return
  }
  try {
    process.kill(-pid, signal)
  } catch {
    // ESRCH: nothing left to signal.
  }
}

/** Sends a signal to one process, not its group; a process that is gone is fine. */
export function signalProcessLeader(pid: number, signal: NodeJS.Signals): void {
  if (isWindows) {
    signalProcessGroup(pid, signal)
    return
  }
  try {
    process.kill(pid, signal)
  } catch {
    // ESRCH: nothing left to signal.
  }
}

/**
 * The fields of /proc/<pid>/stat after the command name, which may itself hold spaces
 * and parentheses; undefined where there is no /proc (macOS) or no such process.
 */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  } catch {
    return undefined
  }
}

/**
 * When the process started (Linux: `starttime`, clock ticks after boot), so a process
 * that later gets the same pid is not taken for it; undefined where /proc is missing.
 */
export function processStartTime(pid: number): number | undefined {
  const start = statFields(pid)?.[19]
  return start === undefined ? undefined : Number(start)
}

/**
 * Whether the process still runs. A zombie counts as ended (in a container whose init
 * does not reap orphans it lingers), and so does a process whose start time differs
 * from `startTime`: the pid was reused.
 */
export function isProcessRunning(pid: number, startTime?: number): boolean {
  const fields = statFields(pid)
  if (fields === undefined) {
    if (process.platform === 'linux') return false
    try {
      process.kill(pid, 0)
      return true
    } catch (error) {
      // EPERM: it exists, but belongs to someone else.
      return (error as NodeJS.ErrnoException).code === 'EPERM'
    }
  }
  const state = fields[0]
  if (state === 'Z' || state === 'X') return false
  return startTime === undefined || Number(fields[19]) === startTime
}
