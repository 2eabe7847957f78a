/**
 * How this machine can measure the CPU and memory of a timed step without a native
 * add-on (docs/cpu-and-memory.md). Decided once per process from what the OS
 * offers; where nothing fits the figures are left out, never guessed.
 */
import { BSD_TIME_PATH } from './bsd-time'

export type ResourceMethod =
  /**
   * Linux: CPU from our own /proc/self/stat before and after the step; peak memory by
   * polling the tree, when the kernel lists children (CONFIG_PROC_CHILDREN).
   */
  | { kind: 'procfs'; memory: boolean }
  /** macOS: the step runs under `/usr/bin/time -l -o REPORT`. */
  | { kind: 'bsd-time' }
  /** Windows, or a Linux without /proc: no figures. */
  | { kind: 'none' }

/** What the method probes on this machine, asked only when the platform needs it. */
export interface ProbeFacts {
  exists(path: string): boolean
  /** True when the command runs and exits 0. */
  runs(file: string, args: string[]): boolean
  pid: number
}

export function selectResourceMethod(platform: NodeJS.Platform, facts: ProbeFacts): ResourceMethod {
  if (platform === 'linux' && facts.exists('/proc/self/stat')) {
    return { kind: 'procfs', memory: facts.exists(`/proc/${facts.pid}/task/${facts.pid}/children`) }
  }
  // `-o` came with shell_cmds-234 (2021): try it rather than trust the OS version.
  if (platform === 'darwin' && facts.runs(BSD_TIME_PATH, ['-l', '-o', '/dev/null', 'true'])) {
    return { kind: 'bsd-time' }
  }
  return { kind: 'none' }
}
