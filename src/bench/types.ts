import type { CpuSeconds, ResourceUsage } from './resources/resource-usage'

/**
 * The names of the two sides of a comparison of two. The engine takes any names
 * (`Name extends string` below): a sweep's (docs/sweep.md) are `baseline`,
 * `candidate-1`, `candidate-2`, ….
 */
export type GroupName = 'baseline' | 'candidate'

export interface ScheduleEntry {
  group: string
  /** 0-based index among the group's timed samples, or -1 for a warmup run. */
  index: number
  time: number
  /** Which timed step it was, when a cycle times several (docs/phases.md). */
  phase?: string
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
  /** Extra environment on top of childEnv(process.env): the step's without the action's secrets. */
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
 * sends nothing (short commands that must not stop halfway, such as `stack init`), and
 * `finish-then-interrupt` sends nothing either, but a second Ctrl-C or a post step that
 * has waited its time does (a Pulumi whose first SIGINT abandons what it has in flight).
 * Nothing is SIGKILLed first, but for that last kind on a timeout: its SIGINT would lose
 * the operations in flight from its state, a SIGKILL leaves them pending there.
 */
export interface StopPolicy {
  onCancel: 'interrupt' | 'interrupt-then-kill' | 'finish' | 'finish-then-interrupt'
  graceMs: number
}

/**
 * One step of a group's cycle. A timed step's wall time is a sample of its `phase`;
 * the others run untimed, in the same order, around it.
 */
export interface CycleStep {
  step: Step
  /** How messages name it: `prepare step 1 of 2`, `destroy`. */
  name: string
  /** Set on a timed step: what it measures (a Pulumi phase, or `command`). */
  phase?: string
}

/** One group measured: the baseline or a candidate. */
export interface BenchGroup<Name extends string = GroupName> {
  name: Name
  /** What the report shows for this group: the command text or `pulumi 3.43.1`. */
  label: string
  /**
   * One warmup run or sample: these steps in order. Both groups time the same phases in
   * the same order.
   */
  cycle: CycleStep[]
}

export interface BenchPlan<Name extends string = GroupName> {
  /** The baseline first; two or more, each timing the same phases. */
  groups: BenchGroup<Name>[]
  /** Seed of the order of rounds of more than two groups (`balancedOrder`). */
  orderSeed?: number
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
   * Called after each completed round (every group once; a pair for two groups) with
   * each phase's times so far; returning true stops measuring (every comparison reached
   * a verdict).
   */
  shouldStop?: (times: Record<string, Record<Name, number[]>>) => boolean
  /** One progress line per sample. */
  onProgress?: (line: string) => void
}

/** The samples of one timed phase. */
export interface PhaseMeasurement<Name extends string = GroupName> {
  phase: string
  times: Record<Name, number[]>
  exitCodes: Record<Name, number[]>
  /** CPU and peak memory of each sample, in the order of `times`; `{}` where the OS tells nothing. */
  resources: Record<Name, ResourceUsage[]>
}

export interface Measurement<Name extends string = GroupName> {
  /**
   * One per timed phase, in cycle order. A sample's phases are recorded together once its
   * cycle completed, so every phase of a group has the same number of samples.
   */
  phases: PhaseMeasurement<Name>[]
  schedule: ScheduleEntry[]
  /** Mean spawn time of an empty shell command, subtracted from shell samples (seconds). */
  shellOverhead: number
  /** The seed the order of more than two groups was drawn from, to reproduce it. */
  orderSeed?: number
  /** Mean CPU of an empty shell command, subtracted from shell samples' CPU. */
  shellCpuOverhead?: CpuSeconds
}
