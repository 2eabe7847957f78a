/**
 * The Pulumi phases a run can time (docs/phases.md), named once for the `phases` input,
 * the cycle that runs them and the results files read back.
 */
export type Phase = 'up' | 'preview' | 'update' | 'refresh' | 'destroy'

/** Every phase, in the order one cycle runs them. */
export const PHASES: readonly Phase[] = ['up', 'preview', 'update', 'refresh', 'destroy']

export function isPhase(value: unknown): value is Phase {
  return (PHASES as readonly unknown[]).includes(value)
}
