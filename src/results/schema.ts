/**
 * The results file (docs/results-file.md): a superset of hyperfine's `--export-json`, so
 * hyperfine's own scripts read it. Times are in seconds.
 */
import type { Environment } from '../bench/environment'
import type { ScheduleEntry } from '../bench/types'
import type { Comparison, Verdict } from '../stats/types'
import type { ResourceFields } from './resources'

/** CPU and memory (`user`, `system`, …) only where measured: see resources.ts. */
export interface GroupResult extends ResourceFields {
  command: string
  mean: number
  stddev: number
  median: number
  min: number
  max: number
  times: number[]
  /** null: killed by a signal (hyperfine writes null). */
  exit_codes: (number | null)[]
  /** `phase` in Pulumi mode (docs/phases.md); the file has one result per group and phase. */
  parameters: { group: string; phase?: string; [key: string]: string | undefined }
  /** Pulumi version of the group, when it is a Pulumi benchmark. */
  version?: string
}

/**
 * The phases of a Pulumi run judged together (docs/phases.md): each planned as one of
 * `size` comparisons, their regression tests adjusted over the run's phases.
 */
export interface FamilyResults {
  /** Comparisons judged together: phases × family-size; each spent alpha/size on regression. */
  size: number
  /** Each phase's regression p, Holm-adjusted over the run's phases (stage-wise p-values). */
  pAdjusted: Record<string, number>
  verdicts: Record<string, Verdict>
  /** The step's verdict: the worst of the phases' (regression, inconclusive, improvement, unchanged). */
  verdict: Verdict
}

/** One comparison of a sweep: a candidate against the baseline in one phase. */
export interface SweepComparison {
  /** The candidate's name, one of `SweepResults.groups`. */
  candidate: string
  /** The phase compared, in Pulumi mode. */
  phase?: string
  comparison: Comparison
  /** Its regression p, Holm-adjusted over all the sweep's comparisons (stage-wise p-values). */
  pAdjusted: number
}

/**
 * More than two groups (docs/sweep.md): every candidate against the baseline, in every
 * phase, judged as one family of `size` = candidates × phases × family-size comparisons.
 * `results` holds one result per group (per phase, phase by phase) in the order of `groups`.
 */
export interface SweepResults {
  /** The baseline's name, one of `groups`. */
  baseline: string
  /** Every group's name, distinct, in the order given. */
  groups: string[]
  /** Comparisons judged together; each spent alpha/size on regression and improvement. */
  size: number
  /** Candidate by candidate, phase by phase within each. */
  comparisons: SweepComparison[]
  /** The step's verdict: the worst of the comparisons' (regression if any candidate regressed). */
  verdict: Verdict
  /** A run's: the seed its balanced rounds were ordered by (`balancedOrder`), to reproduce them. */
  orderSeed?: number
}

export interface ResultsFile {
  benchmark: string
  /** hyperfine's: one per group, or in Pulumi mode one per group and phase, phase by phase. */
  results: GroupResult[]
  /** The comparison of the first (or only) phase, as hyperfine-era readers expect. */
  comparison: Comparison
  /** Pulumi mode: each phase's comparison, in the order `phases` lists them. */
  phases?: Record<string, Comparison>
  family?: FamilyResults
  /** More than two groups: every comparison; `comparison`, `phases` and `family` are the first candidate's. */
  sweep?: SweepResults
  schedule?: ScheduleEntry[]
  environment?: Environment
}
