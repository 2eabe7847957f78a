/**
 * Measures the CPU and peak memory of one timed step beside its wall time, by the
 * method this machine allows (resource-method.ts). What is read before the clock
 * starts and after it stops costs the sample nothing; what runs in between (the
 * memory poller, BSD time) is described where it is made.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, openSync, readFileSync, readSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseBsdTimeReport, wrapInBsdTime } from './bsd-time'
import { selectResourceMethod, type ResourceMethod } from './resource-method'
import { childCpuSeconds, parseChildTicks, type ResourceUsage } from './resource-usage'
import { TreeMemoryPoller } from './tree-memory'

/** One step being measured: made just before the clock starts. */
export interface ResourceProbe {
  /** What to spawn: the command itself, or the command under BSD time. */
  file: string
  args: string[]
  /** Call right after spawn() with the child's pid. */
  spawned(pid: number | undefined): void
  /** Call after the clock stopped, when the process has exited; also stops the probe. */
  finish(): ResourceUsage
  /** Stops whatever runs, without reading figures (the step did not exit). */
  stop(): void
  /** The spawned process forwards SIGINT to the command (BSD time): interrupt it alone. */
  forwardsInterrupt?: boolean
}

let method: ResourceMethod | undefined

/** Asked once per process: a few file checks on Linux, one `time` run on macOS. */
export function currentMethod(): ResourceMethod {
  method ??= selectResourceMethod(process.platform, {
    exists: existsSync,
    runs: (file, args) => spawnSync(file, args, { stdio: 'ignore' }).status === 0,
    pid: process.pid
  })
  return method
}

/** Starts measuring a step; undefined where the OS tells nothing. */
export function startResourceProbe(command: {
  file: string
  args: string[]
}): ResourceProbe | undefined {
  const chosen = currentMethod()
  switch (chosen.kind) {
    case 'procfs':
      return procfsProbe(command, chosen.memory)
    case 'bsd-time':
      return bsdTimeProbe(command)
    case 'none':
      return undefined
  }
}

/**
 * CPU: the change in cutime/cstime of our own process, which the kernel raises by a
 * child's CPU (with its own reaped descendants') when we reap it. That is exactly
 * hyperfine's getrusage(RUSAGE_CHILDREN) delta, and it is only right because this
 * process reaps no other child meanwhile: samples and prepare steps run one at a time
 * (run-benchmark.ts). Keep it so, or the figure takes in the other child's CPU too.
 */
function procfsProbe(command: { file: string; args: string[] }, memory: boolean): ResourceProbe {
  const before = readSelfTicks()
  let poller: TreeMemoryPoller | undefined
  const stop = () => poller?.stop()
  return {
    file: command.file,
    args: command.args,
    spawned: pid => {
      // The poller reads nothing now: this is inside the timed window.
      if (memory && pid !== undefined) poller = new TreeMemoryPoller(pid)
    },
    finish: () => {
      const after = readSelfTicks()
      const usage: ResourceUsage = before && after ? childCpuSeconds(before, after) : {}
      const peak = stop()
      if (peak !== undefined) usage.maxRssBytes = peak
      return usage
    },
    stop
  }
}

let selfStat: number | undefined
const statBuffer = Buffer.alloc(4096)

/**
 * Our own /proc/self/stat through one descriptor kept open (close-on-exec, as every
 * file node opens): a read at offset 0 regenerates it, a third of the cost of opening
 * it twice per sample. Outside the timed window either way.
 */
function readSelfTicks() {
  try {
    selfStat ??= openSync('/proc/self/stat', 'r')
    const length = readSync(selfStat, statBuffer, 0, statBuffer.length, 0)
    return parseChildTicks(statBuffer.toString('latin1', 0, length))
  } catch {
    return undefined
  }
}

let reports = 0

/**
 * BSD time adds its own fork and exec to the timed window (the same in both groups,
 * and part of the calibrated shell overhead for shell commands). A fresh report file
 * per step: rewriting one costs more than creating one.
 */
function bsdTimeProbe(command: { file: string; args: string[] }): ResourceProbe {
  const reportPath = join(tmpdir(), `pulumi-perf-gate-${process.pid}-${reports++}.time`)
  const remove = () => rmSync(reportPath, { force: true })
  return {
    ...wrapInBsdTime(reportPath, command),
    forwardsInterrupt: true,
    spawned: () => {},
    finish: () => {
      let text = ''
      try {
        text = readFileSync(reportPath, 'utf8')
      } catch {
        // Killed before it wrote: nothing to tell.
      }
      remove()
      return parseBsdTimeReport(text) ?? {}
    },
    stop: remove
  }
}
