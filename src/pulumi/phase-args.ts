import type { Phase } from '../core/phases'

const COMMANDS: Record<Phase, readonly string[]> = {
  up: ['up', '--yes', '--skip-preview', '--non-interactive'],
  preview: ['preview', '--non-interactive'],
  // An `up` on the deployed stack: nothing to change, so it only runs the program and diffs.
  update: ['up', '--yes', '--skip-preview', '--non-interactive'],
  refresh: ['refresh', '--yes', '--skip-preview', '--non-interactive'],
  destroy: ['destroy', '--yes', '--skip-preview', '--non-interactive']
}

/**
 * The arguments of one phase on `stack` (docs/phases.md). Every one of these commands
 * takes `--parallel` (pkg/cmd/pulumi/operations/{up,preview,refresh,destroy}.go, and
 * pkg/cmd/pulumi/*.go in 3.43.1), so `parallel` applies to each.
 */
export function phaseArgs(phase: Phase, stack: string, parallel?: number): string[] {
  const limit = parallel === undefined ? [] : ['--parallel', String(parallel)]
  return [...COMMANDS[phase], '--stack', stack, ...limit]
}
