import { pulumiRun } from './pulumi-run'

/**
 * A regression only one phase shows: 3.44.4, whose deletes take twice as long, against
 * 3.44.3, timing `up` and `destroy`. 10 resources whose creates take 100 ms and deletes
 * 400 ms, all at once: destroy goes from about 0.7 s to 1.1 s, decided at the first
 * looks, while up stays the same. 5 samples per group cannot show up unchanged within
 * ±5% (that takes 6 or more), so its row says inconclusive; the step's verdict is
 * destroy's regression, and the check fails.
 */
export const slowerDestroy = pulumiRun(
  '3.44.3',
  '3.44.4',
  [
    ...['--phases', 'up, destroy'],
    ...['--config', 'resources: 10\nlatencyMs: 100\ndeleteFactor: 4', '--samples', '5']
  ],
  {
    name: 'slower-destroy',
    headline:
      /^provider-sleep-python: Regression in destroy \(1 of 2 phases\): candidate ran [\d.]+% slower than baseline/,
    status: 1
  }
)
