import type { BenchGroup, CycleStep, Step } from '../bench/types'
import { PHASES, type Phase } from '../core/phases'
import { phaseArgs } from './phase-args'
import { pulumiEnv, pulumiPhaseStop, type StackRef } from './stack/stacks'

/** What every cycle runs, timed or not: `up` fills the stack and `destroy` empties it. */
const ALWAYS: ReadonlySet<Phase> = new Set(['up', 'destroy'])

/**
 * The benchmark group of one Pulumi version (docs/phases.md). Each warmup run and
 * sample is one cycle on the group's stack, which is empty when it starts: the user's
 * prepare steps, `up` (timed if listed), then `preview`, `update` and `refresh` when
 * listed, then the `destroy` (timed if listed) that empties the stack again. The destroy
 * ends the cycle rather than starting the next one: every phase's k-th sample is then
 * complete when cycle k is, so each look sees the same samples in every phase, and the
 * stack holds nothing between cycles.
 */
export function pulumiBenchGroup(options: {
  name: string
  ref: StackRef
  version: string
  parallel?: number
  /** The phases to time; default `up`. */
  phases?: readonly Phase[]
  /** The user's own prepare steps, run first on the empty stack. */
  prepare?: Step[]
}): BenchGroup<string> {
  const { ref } = options
  const env = pulumiEnv(ref)
  const listed = new Set(options.phases ?? ['up'])
  const run = (phase: Phase): CycleStep => ({
    step: {
      command: {
        kind: 'argv',
        file: ref.binary,
        args: phaseArgs(phase, ref.stack, options.parallel)
      },
      env,
      cwd: ref.programDir,
      stop: pulumiPhaseStop(options.version),
      tag: ref.stack
    },
    name: phase,
    ...(listed.has(phase) ? { phase } : {})
  })
  return {
    name: options.name,
    label: `pulumi ${options.version}`,
    cycle: [
      ...(options.prepare ?? []).map(step => ({ step, name: 'prepare' })),
      ...PHASES.filter(phase => listed.has(phase) || ALWAYS.has(phase)).map(run)
    ]
  }
}
