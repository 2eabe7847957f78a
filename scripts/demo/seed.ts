import { pulumiRun } from './pulumi-run'

/**
 * The seed's experiment: `pulumi up` of Python resources served by a provider plugin,
 * the fixed 3.44.3 against 3.43.1, whose executor of CPUs + 4 threads creates them 6 at
 * a time on 2 CPUs. 36 creates of 100 ms: 6 rounds against 1, behind a language host
 * that takes 100 ms to start and the CLI's own work of about 0.3 s: the fix runs about
 * 2× faster (0.5 s against 1 s), with a spread of a few percent, so its improvement is
 * decided at the first looks, and certain long before the cap of 10 samples per group.
 */
export const seed = pulumiRun(
  '3.43.1',
  '3.44.3',
  ['--config', 'resources: 36\nlatencyMs: 100', '--samples', '10'],
  {
    name: 'seed',
    headline:
      /^provider-sleep-python: Improvement: candidate ran [\d.]+ ± [\d.]+ times faster than baseline/,
    status: 0
  }
)
