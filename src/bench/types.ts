import type { CpuSeconds, ResourceUsage } from './resource-usage'

/** The two sides of every comparison. */
export type GroupName = 'baseline' | 'candidate'

export interface ScheduleEntry {
  group: GroupName
  /** 0-based index among the group's timed samples, or -1 for a warmup run. */
  index: number
  time: number
}

/**
 * One process to start. `shell` commands are the user's own text, run through the
 * configured shell; `argv` commands are spawned directly with no shell in between.
 */
export type Command =
  { kind: 'shell'; script: string } | { kind: 'argv'; file: string; args: string[] }

/** How `shell` commands are run: through a shell binary, or split into words (`none`). */
export type ShellSetting = { kind: 'shell'; path: string } | { kind: 'none' }

export interface Step {
  command: Command
  /** Extra environment on top of process.env. */
  env?: Record<string, string>
  cwd?: string
  /** How it is stopped on timeout and cancellation; default: as the user's own commands. */
  stop?: StopPolicy
  /** What it works on (e.g. a stack), recorded with it while it runs. */
  tag?: string
}

/**
 * How a command is stopped. A timeout sends SIGINT to its group, then SIGKILL `graceMs`
 * later. A cancellation (interruptRunningProcesses) sends SIGINT too, and then:
 * `interrupt` waits for the command however long it takes (Pulumi finishing the
 * operations in flight), `interrupt-then-kill` sends SIGKILL after `graceMs`, `finish`
 * sends nothing (short commands that must not stop halfway, such as `stack init`).
 * Nothing is SIGKILLed first.
 */
export interface StopPolicy {
  onCancel: 'interrupt' | 'interrupt-then-kill' | 'finish'
  graceMs: number
}

/** One side of the comparison. */
export interface BenchGroup {
  name: GroupName
  /** What the report shows for this group: the command text or `pulumi 3.43.1`. */
  label: string
  /** The timed step: one sample is its wall time from spawn to exit. */
  timed: Step
  /** Untimed steps before every sample and every warmup run, in order. */
  prepare: Step[]
}

export interface BenchPlan {
  groups: [BenchGroup, BenchGroup]
  shell: ShellSetting
  /** Untimed runs per group before measuring. */
  warmup: number
  /** Most timed samples per group. */
  samples: number
  /** Milliseconds one sample (or prepare/warmup step) may take before it is killed. */
  timeoutMs: number
  /** Folder for the per-group logs of timed output. */
  logDir: string
  /**
   * Called after each completed pair of samples with the times so far; returning
   * true stops measuring (a look reached a verdict).
   */
  shouldStop?: (times: Record<GroupName, number[]>) => boolean
  /** One progress line per sample. */
  onProgress?: (line: string) => void
}

export interface Measurement {
  times: Record<GroupName, number[]>
  exitCodes: Record<GroupName, number[]>
  schedule: ScheduleEntry[]
  /** Mean spawn time of an empty shell command, subtracted from shell samples (seconds). */
  shellOverhead: number
  /** CPU and peak memory of each sample, in the order of `times`; `{}` where the OS tells nothing. */
  resources: Record<GroupName, ResourceUsage[]>
  /** Mean CPU of an empty shell command, subtracted from shell samples' CPU. */
  shellCpuOverhead?: CpuSeconds
}
