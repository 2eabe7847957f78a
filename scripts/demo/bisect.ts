import { seriesVersion } from '../../test/helpers/bisect-releases'
import type { DemoScenario } from './scenario'

const FLAGS = [
  ...['--good', seriesVersion(0), '--bad', seriesVersion(3)],
  ...['--config', 'resources: 1\nlatencyMs: 50', '--threshold', '30%', '--warmup', '0']
]

/**
 * `bisect` over the four releases 3.181.0 to 3.184.0 that the simulated Pulumi serves
 * (scripts/simulated-pulumi.ts), of which 3.182.0 made `up` slower: it confirms 3.184.0
 * is slower than 3.181.0, then halves the range (3.182.0, slower too) and names 3.181.0
 * as the last fast release and 3.182.0 as the first slow one, each release downloaded
 * once; exit 1 (a slower release was located). Creates of 50 ms and two comparisons,
 * each decided at its first look, keep it near 9 s.
 */
export const bisect: DemoScenario = {
  name: 'bisect',
  command: `pulumi-perf-gate bisect --good ${seriesVersion(0)} --bad ${seriesVersion(3)} --threshold 30% …`,
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
