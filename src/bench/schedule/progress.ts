import { formatTimeSpan, formatSampleTime } from './format'

/** How far one group has come: what its runs took so far and how many are left. */
export interface GroupPace {
  /** Completed runs counted in `seconds`. */
  runs: number
  /** Total time of those runs, prepare steps included. */
  seconds: number
  runsLeft: number
}

/**
 * Time left: each group's remaining runs at that group's mean pace; a group with no
 * runs yet is assumed to go at the mean pace of all runs so far. Undefined until
 * something has run.
 */
export function estimateSecondsLeft(paces: readonly GroupPace[]): number | undefined {
  const runs = paces.reduce((total, pace) => total + pace.runs, 0)
  if (runs === 0) return undefined
  const pooledMean = paces.reduce((total, pace) => total + pace.seconds, 0) / runs
  return paces.reduce(
    (left, pace) => left + pace.runsLeft * (pace.runs > 0 ? pace.seconds / pace.runs : pooledMean),
    0
  )
}

export interface ProgressEvent {
  group: string
  kind: 'warmup' | 'sample'
  /** 1-based number of the run within its kind. */
  number: number
  of: number
  /** The timed steps of the run, in the order they ran. */
  phases: ReadonlyArray<{ phase: string; seconds: number }>
  secondsLeft: number | undefined
}

/**
 * One progress line: `candidate sample 3/20: 1.234 s, about 2 min 10 s left`, or with
 * several phases `candidate sample 3/20: up 1.234 s, destroy 802.10 ms, …`; the
 * estimate is left out when unknown or when nothing is left.
 */
export function formatProgress(event: ProgressEvent): string {
  const { phases } = event
  const times =
    phases.length === 1
      ? formatSampleTime(phases[0]!.seconds)
      : phases.map(({ phase, seconds }) => `${phase} ${formatSampleTime(seconds)}`).join(', ')
  const line = `${event.group} ${event.kind} ${event.number}/${event.of}: ${times}`
  if (!event.secondsLeft) return line
  return `${line}, about ${formatTimeSpan(event.secondsLeft)} left`
}
