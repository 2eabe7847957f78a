import { seriesVersion } from '../../test/helpers/bisect-releases'
import type { DemoScenario } from './scenario'

const FLAGS = [
  ...['--good', seriesVersion(0), '--bad', seriesVersion(7)],
  ...['--config', 'resources: 1\nlatencyMs: 50', '--threshold', '30%', '--warmup', '0']
]

/**
 * `bisect` over the eight releases 3.181.0 to 3.188.0 that the simulated Pulumi serves
 * (scripts/simulated-pulumi.ts), of which 3.182.0 made `up` slower: it confirms 3.188.0
 * is slower than 3.181.0, then halves the range (3.184.0, then 3.182.0, each slower)
 * until it names 3.181.0 as the last fast release and 3.182.0 as the first slow one, each
 * release downloaded once; exit 1 (a slower release was located). Creates of 50 ms and
 * three comparisons, every one decided at its first look, keep it near 13 s.
 */
export const bisect: DemoScenario = {
  name: 'bisect',
  command: `pulumi-perf-gate bisect --good ${seriesVersion(0)} --bad ${seriesVersion(7)} --threshold 30% …`,
  headline: /^provider-sleep-python: 3\.182\.0 made it slower \(last fast: 3\.181\.0\)/,
  status: 1,
  run: (pulumi, resultsFile, stdout) =>
    pulumi.cli(
      [
        ...['bisect', '--program', pulumi.program, '--pulumi-download-url', pulumi.downloadUrl],
        ...FLAGS,
        ...['--results-file', resultsFile]
      ],
      stdout
    )
}
