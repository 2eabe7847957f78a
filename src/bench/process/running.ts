import { setTimeout as sleep } from 'node:timers/promises'
import { isProcessRunning, signalProcessGroup, signalProcessLeader } from './process-group'
import { killTrackedProcesses } from './tracking'

/**
 * A command of ours while it runs: enough for another process (the action's post step)
 * to tell whether it still runs and to interrupt it. Saved as JSON in the step's state
 * (never published): its label is the command's short text, its environment is not kept.
 */
export interface RunningProcess {
  /** Its pid, also the id of its process group: every command is spawned as a group leader. */
  pid: number
  /** Linux: when it started, so a later process with the same pid is not taken for it. */
  startTime?: number
  /** What everything it starts carries (tracking.ts): how they are found once out of its group. */
  trackingId?: string
  /** Short text for messages, e.g. `pulumi up`. */
  label: string
  /** What it works on (e.g. a stack), when the caller said. */
  tag?: string
  /** Whether a cancellation sends it SIGINT; commands that must not stop halfway finish. */
  interruptible: boolean
  /**
   * A cancellation lets it finish all the same: only a second Ctrl-C, or a post step out
   * of time, sends its SIGINT (Pulumi before 3.87 kills its providers on the first).
   */
  spareOnCancel?: boolean
  /** The user's own commands: SIGKILL this long after a cancellation's SIGINT. */
  killAfterMs?: number
  /** SIGINTs a cancellation has sent it so far. */
  interrupts: number
  /**
   * Interrupt the leader alone, not its group: it forwards SIGINT to the command it
   * runs (macOS's /usr/bin/time, bsd-time.ts), so a SIGINT to the group would reach
   * the command twice, and Pulumi takes a second SIGINT for "stop at once".
   */
  interruptLeaderOnly?: boolean
}

/** `pulumi up (pid 4242)`, for messages. */
export function describeProcess(process: RunningProcess): string {
  return `${process.label} (pid ${process.pid})`
}

/** Sends one SIGINT the way `process` should get it: to its group, or to its leader alone. */
export function interruptProcess(process: RunningProcess): void {
  if (process.interruptLeaderOnly) signalProcessLeader(process.pid, 'SIGINT')
  else signalProcessGroup(process.pid, 'SIGINT')
}

interface Entry {
  process: RunningProcess
  /** Called after each SIGINT a cancellation sends, e.g. to start a grace period. */
  onInterrupt: () => void
}

const running = new Map<number, Entry>()
const listeners = new Set<(processes: RunningProcess[]) => void>()

function changed(): void {
  const processes = runningProcesses()
  for (const listener of listeners) listener(processes)
}

/** Records a process that has just started; the returned function records its end. */
export function trackProcess(process: RunningProcess, onInterrupt: () => void): () => void {
  running.set(process.pid, { process, onInterrupt })
  changed()
  return () => {
    if (running.delete(process.pid)) changed()
  }
}

/** Copies of the commands of ours that run now. */
export function runningProcesses(): RunningProcess[] {
  return [...running.values()].map(entry => ({ ...entry.process }))
}

/** Calls `listener` with the running commands after every change; returns how to stop. */
export function onRunningProcessesChange(
  listener: (processes: RunningProcess[]) => void
): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/**
 * Forwards a cancellation: one SIGINT to the group of every running command that may
 * be interrupted, as a terminal's Ctrl-C reaches its foreground job. Pulumi cancels on
 * the first (operations in flight finish and are saved) and stops at once on the
 * second (docs/cancellation.md). The `first` cancellation passes by the commands it
 * spares; a later one reaches them too.
 */
export function interruptRunningProcesses(first = true): void {
  const entries = [...running.values()].filter(
    entry => entry.process.interruptible && !(first && entry.process.spareOnCancel)
  )
  if (entries.length === 0) return
  // Counted and saved before it is sent: a post step must never send a second SIGINT
  // by mistake (Pulumi would abandon what it has in flight).
  for (const entry of entries) entry.process.interrupts++
  changed()
  for (const entry of entries) {
    interruptProcess(entry.process)
    entry.onInterrupt()
  }
}

/** Sends SIGKILL to the group of every command still running, and to all they started. */
export function killRunningProcesses(): void {
  for (const entry of running.values()) killProcessTree(entry.process)
}

/** SIGKILL to a command's group and to every process it started, wherever they went. */
export function killProcessTree(process: RunningProcess): void {
  signalProcessGroup(process.pid, 'SIGKILL')
  if (process.trackingId !== undefined) killTrackedProcesses(process.trackingId)
}

/**
 * Waits until none of `processes` runs any more, or `timeoutMs` has passed, or `signal`
 * fires; returns those still running. Works for processes of another, ended, parent.
 */
export async function waitForProcesses(
  processes: readonly RunningProcess[],
  timeoutMs: number,
  signal?: AbortSignal
): Promise<RunningProcess[]> {
  const deadline = Date.now() + timeoutMs
  const stillRunning = () =>
    processes.filter(process => isProcessRunning(process.pid, process.startTime))
  for (let left = stillRunning(); ; left = stillRunning()) {
    if (left.length === 0 || Date.now() >= deadline || signal?.aborted) return left
    await sleep(100)
  }
}

/**
 * Waits until no command of ours runs any more (each has ended and been reaped), or
 * `timeoutMs` has passed, or `signal` fires; returns whether none runs.
 */
export async function waitForRunningProcesses(
  timeoutMs: number,
  signal?: AbortSignal,
  which: (process: RunningProcess) => boolean = () => true
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  const left = () => [...running.values()].some(entry => which(entry.process))
  while (left() && Date.now() < deadline && !signal?.aborted) await sleep(50)
  return !left()
}

/** Sends a signal to the group of a process of an earlier step, if it still runs. */
export function signalProcess(process: RunningProcess, signal: NodeJS.Signals): RunningProcess {
  if (!isProcessRunning(process.pid, process.startTime)) return process
  if (signal === 'SIGINT') interruptProcess(process)
  else signalProcessGroup(process.pid, signal)
  const interrupts = process.interrupts + (signal === 'SIGINT' ? 1 : 0)
  return { ...process, interrupts }
}
