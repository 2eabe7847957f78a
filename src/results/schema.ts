/**
 * The results file (README "Results file"): a superset of hyperfine's `--export-json`, so
 * hyperfine's own scripts read it. Times are in seconds.
 */
import type { Environment } from '../bench/environment'
import type { ScheduleEntry } from '../bench/types'
import type { Comparison } from '../stats/types'
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
  parameters: { group: string; [key: string]: string }
  /** Pulumi version of the group, when it is a Pulumi benchmark. */
  version?: string
}

export interface ResultsFile {
  benchmark: string
  results: GroupResult[]
  comparison: Comparison
  schedule?: ScheduleEntry[]
  environment?: Environment
}
