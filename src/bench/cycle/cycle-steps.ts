import type { CycleStep, GroupName, Measurement, PhaseMeasurement, Step } from '../types'

/** The phase of a cycle that times one command of the user's (generic mode). */
export const COMMAND_PHASE = 'command'

/** The user's prepare steps, untimed, then one timed step: a cycle of generic mode. */
export function commandCycle(
  timed: Step,
  prepare: readonly Step[] = [],
  phase = COMMAND_PHASE
): CycleStep[] {
  return [
    ...prepare.map((step, index) => ({
      step,
      name: `prepare step ${index + 1} of ${prepare.length}`
    })),
    { step: timed, name: phase, phase }
  ]
}

/** The phases a cycle times, in the order it runs them. */
export function cyclePhases(cycle: readonly CycleStep[]): string[] {
  return cycle.flatMap(step => (step.phase === undefined ? [] : [step.phase]))
}

/** A measurement of these phases of these groups before anything ran. */
export function emptyMeasurement<Name extends string = GroupName>(
  phases: readonly string[],
  groups: readonly Name[] = ['baseline', 'candidate'] as Name[]
): Measurement<Name> {
  const perGroup = <T>(): Record<Name, T[]> =>
    Object.fromEntries(groups.map(name => [name, [] as T[]])) as Record<Name, T[]>
  return {
    phases: phases.map(phase => ({
      phase,
      times: perGroup(),
      exitCodes: perGroup(),
      resources: perGroup()
    })),
    schedule: [],
    shellOverhead: 0
  }
}

/** The samples of one phase; a phase the cycle does not time is a bug of the caller. */
export function phaseMeasurement<Name extends string>(
  measurement: Measurement<Name>,
  phase: string
): PhaseMeasurement<Name> {
  const found = measurement.phases.find(entry => entry.phase === phase)
  if (found === undefined) throw new Error(`no phase ${phase} was measured`)
  return found
}
