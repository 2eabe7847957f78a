/**
 * `npm run demo`: the seed's experiment, offline, in under a minute. Runs the shipped
 * command line in Pulumi mode against the simulated releases twice: the fixed 3.44.3
 * as the candidate (an improvement, exit 0), then swapped (a regression, exit 1).
 */
import { join } from 'node:path'
import { simulatedPulumi } from './simulated-pulumi'

const pulumi = await simulatedPulumi()

async function gate(baseline: string, candidate: string): Promise<number | null> {
  console.log(
    `\n$ pulumi-perf-gate run --baseline-version ${baseline} --candidate-version ${candidate} …\n`
  )
  const { status } = await pulumi.run({
    baseline,
    candidate,
    flags: [
      ...['--config', 'resources: 200\nlatencyMs: 100', '--samples', '10'],
      ...['--results-file', join(pulumi.work, `results-${baseline}-vs-${candidate}.json`)]
    ],
    stdout: 'inherit'
  })
  console.log(`\nexit status ${status}`)
  return status
}

try {
  const fixed = await gate('3.43.1', '3.44.3')
  const swapped = await gate('3.44.3', '3.43.1')
  console.log(
    `\nThe fixed CLI as candidate exits ${fixed} (pass); the buggy one as candidate exits ${swapped} (the regression fails the check).`
  )
} finally {
  await pulumi.close()
}
