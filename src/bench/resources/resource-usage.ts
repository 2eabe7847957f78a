/**
 * What a timed step used besides wall time, and the pure parsers of the Linux /proc
 * files it is read from (docs/cpu-and-memory.md). No I/O here: the callers in
 * resources.ts and tree-memory.ts pass in the files' text.
 */

/** CPU and memory of one timed step; a field is absent where the OS does not tell it. */
export interface ResourceUsage {
  /** User CPU seconds of the process and every descendant that was waited for. */
  userSeconds?: number
  /** System (kernel) CPU seconds, likewise. */
  systemSeconds?: number
  /** Peak resident memory of the largest single process of the tree, bytes. */
  maxRssBytes?: number
}

/**
 * The unit of every time in /proc (USER_HZ). It is 100 on every architecture GitHub
 * runs (x86-64, arm64); only alpha and ia64 had another, so it is not asked of
 * sysconf(_SC_CLK_TCK) at run time.
 */
export const USER_HZ = 100

/** Fields 16 and 17 of /proc/<pid>/stat: CPU of the children it has reaped, in ticks. */
export interface ChildTicks {
  cutime: number
  cstime: number
}

/**
 * Reads cutime and cstime from the text of /proc/<pid>/stat. Field 2, the command
 * name, is in parentheses and may itself hold spaces and parentheses, so fields are
 * counted from the last ')'.
 */
export function parseChildTicks(text: string): ChildTicks | undefined {
  const close = text.lastIndexOf(')')
  if (close < 0) return undefined
  // After the name: field 3 (state) is at index 0, so field n is at n - 3.
  const fields = text
    .slice(close + 1)
    .trim()
    .split(/\s+/)
  const cutime = Number(fields[16 - 3])
  const cstime = Number(fields[17 - 3])
  if (!Number.isInteger(cutime) || !Number.isInteger(cstime)) return undefined
  return { cutime, cstime }
}

/**
 * CPU of the children reaped between two reads of our own /proc/self/stat, in
 * seconds. Each read is truncated to a tick, so each figure is off by less than one
 * tick (10 ms), as in hyperfine, whose getrusage(RUSAGE_CHILDREN) is the same counter.
 */
export function childCpuSeconds(
  before: ChildTicks,
  after: ChildTicks
): { userSeconds: number; systemSeconds: number } {
  return {
    userSeconds: Math.max(0, after.cutime - before.cutime) / USER_HZ,
    systemSeconds: Math.max(0, after.cstime - before.cstime) / USER_HZ
  }
}

/**
 * VmHWM ("high water mark", the peak resident set since exec) from the text of
 * /proc/<pid>/status, in bytes. Undefined for a zombie or kernel thread: they have no
 * Vm lines.
 */
export function parseVmHwmBytes(text: string): number | undefined {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(text)
  return match ? Number(match[1]) * 1024 : undefined
}

/** The pids in a /proc/<pid>/task/<tid>/children file: "123 456 ". */
export function parseChildPids(text: string): number[] {
  return text
    .split(' ')
    .filter(word => /^\d+$/.test(word))
    .map(Number)
}

export interface CpuSeconds {
  userSeconds: number
  systemSeconds: number
}

/**
 * The mean CPU of several runs (the empty-shell calibration), or undefined when a
 * run lacks it: a mean of some runs would not describe the others. Its ticks average
 * out: 50 runs of 0 or 10 ms give the true couple of milliseconds a shell costs.
 */
export function meanCpu(usages: readonly ResourceUsage[]): CpuSeconds | undefined {
  const complete = usages.filter(
    (usage): usage is ResourceUsage & CpuSeconds =>
      usage.userSeconds !== undefined && usage.systemSeconds !== undefined
  )
  if (complete.length === 0 || complete.length < usages.length) return undefined
  const mean = (pick: (usage: CpuSeconds) => number) =>
    complete.reduce((sum, usage) => sum + pick(usage), 0) / complete.length
  return {
    userSeconds: mean(usage => usage.userSeconds),
    systemSeconds: mean(usage => usage.systemSeconds)
  }
}

/**
 * A shell sample's CPU less the mean CPU of an empty shell command, as hyperfine
 * subtracts it (never below 0); memory is the largest process, so it stays.
 */
export function withoutShellCpu(
  usage: ResourceUsage,
  shell: CpuSeconds | undefined
): ResourceUsage {
  if (!shell) return usage
  // Whole microseconds, as hyperfine's figures: no 0.009600000000000001 in the file.
  const less = (seconds: number, overhead: number) =>
    Math.max(0, Math.round((seconds - overhead) * 1e6) / 1e6)
  const result = { ...usage }
  if (usage.userSeconds !== undefined)
    result.userSeconds = less(usage.userSeconds, shell.userSeconds)
  if (usage.systemSeconds !== undefined)
    result.systemSeconds = less(usage.systemSeconds, shell.systemSeconds)
  return result
}
