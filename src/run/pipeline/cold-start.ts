import type { RunConfig } from '../../config/run-config'

/**
 * The warning of a Pulumi run with `warmup: 0` (docs/validation.md): a group's first
 * `pulumi up` does work no later one repeats, so its first sample is slower, and when
 * only one group pays it (one version's plugins are already cached) the comparison is
 * biased, not just noisier. Generic mode has no such first run we know of: no warning.
 */
export function coldStartWarning(config: Pick<RunConfig, 'target' | 'warmup'>): string | null {
  if (config.target.kind !== 'pulumi' || config.warmup > 0) return null
  return (
    'warmup is 0: the first `pulumi up` of each group downloads and installs the resource plugins its ' +
    'program needs, starts the language host for the first time and, for Python programs, writes the ' +
    'bytecode caches, so each group’s first sample is slower than the rest; when only one group pays ' +
    'for it, that alone can show as a regression. Keep warmup at 1 (the default) unless the first run is ' +
    'what you mean to measure.'
  )
}
