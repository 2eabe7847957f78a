import { pulumiRun } from './pulumi-run'

/**
 * A regression only one phase shows: 3.44.4, whose deletes take three times as long,
 * against 3.44.3, timing `up` and `destroy`. 10 resources whose creates take 50 ms and
 * deletes 100 ms, all at once: destroy goes from about 0.25 s to 0.45 s, decided at the
 * first look (3 samples per group; at twice as long, a busy machine's noise in starting
 * the CLI could leave it undecided), while up stays the same: on an idle machine `unchanged` at
 * the last look (5 samples per group); on a busy one up's row may end inconclusive. The
 * step's verdict is destroy's regression, and the check fails.
 */
export const slowerDestroy = pulumiRun(
  '3.44.3',
  '3.44.4',
  [
    ...['--phases', 'up, destroy'],
    ...['--config', 'resources: 10\nlatencyMs: 50\ndeleteFactor: 2', '--samples', '5']
  ],
  {
    name: 'slower-destroy',
    headline:
      /^provider-sleep-python: Regression in destroy \(1 of 2 phases\): candidate ran [\d.]+% slower than baseline/,
    status: 1
  }
)
