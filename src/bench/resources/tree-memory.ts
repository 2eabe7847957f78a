/**
 * Linux: the peak resident memory of the largest process of a timed step's tree,
 * by polling VmHWM (each process's own high-water mark) from /proc while the step
 * runs (docs/cpu-and-memory.md).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { parseChildPids, parseVmHwmBytes } from './resource-usage'

/** The /proc reads a scan needs; undefined when the process is gone. */
export interface ProcReader {
  status(pid: number): string | undefined
  /** The pids in /proc/<pid>/task/<tid>/children, over every thread. */
  children(pid: number): number[]
}

/** First scan soon, so a step of a few tenths of a second is seen; then every 100 ms. */
export const FIRST_SCAN_MS = 20
export const SCAN_INTERVAL_MS = 100

/**
 * Polls the tree under `rootPid` until stopped. Each scan walks it from the root
 * through the children files (parent links, not the process group: Pulumi starts
 * every plugin in a group of its own) and keeps the largest VmHWM seen, so the figure
 * is the largest single process, not the sum. A process shorter than the interval
 * may be missed; one orphaned (reparented away) leaves the tree, as it leaves the CPU
 * figure.
 *
 * Reads are synchronous: a scan reads a few small files per process (well under 1 ms
 * for a Pulumi tree) and node's async fs costs several times that in CPU, which a
 * 2-core runner takes from the benchmark. A scan that happens to run when the step
 * exits delays the clock's stop by at most its own length.
 */
export class TreeMemoryPoller {
  private peak: number | undefined
  private timer: NodeJS.Timeout | undefined
  private stopped = false

  constructor(
    private readonly rootPid: number,
    private readonly proc: ProcReader = LIVE_PROC
  ) {
    this.schedule(FIRST_SCAN_MS)
  }

  /** One walk of the tree; public for tests. */
  scan(): void {
    const queue = [this.rootPid]
    for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
      const status = this.proc.status(pid)
      if (status === undefined) continue
      const hwm = parseVmHwmBytes(status)
      if (hwm !== undefined && (this.peak === undefined || hwm > this.peak)) this.peak = hwm
      queue.push(...this.proc.children(pid))
    }
  }

  /** Stops polling; the largest VmHWM seen, undefined when no scan saw the tree. */
  stop(): number | undefined {
    this.stopped = true
    clearTimeout(this.timer)
    return this.peak
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return
    this.timer = setTimeout(() => {
      this.scan()
      this.schedule(SCAN_INTERVAL_MS)
    }, delayMs)
    // Never the reason the process stays alive.
    this.timer.unref()
  }
}

const LIVE_PROC: ProcReader = {
  status: pid => readOrUndefined(`/proc/${pid}/status`),
  children: pid => {
    let threads: string[]
    try {
      threads = readdirSync(`/proc/${pid}/task`)
    } catch {
      return []
    }
    // Every thread: Go (Pulumi) forks from whichever thread runs the goroutine.
    return threads.flatMap(tid =>
      parseChildPids(readOrUndefined(`/proc/${pid}/task/${tid}/children`) ?? '')
    )
  }
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}
