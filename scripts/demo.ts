/**
 * `npm run demo`: the seed's experiment and a regression only one phase shows, offline,
 * in about two minutes on 2 CPUs. Runs the shipped command line in Pulumi mode against
 * the simulated releases on fixtures/programs/provider-sleep-python, timing `up`, a no-op
 * `update` and `destroy` in every sample: the fixed 3.44.3 against the seed's 3.43.1 (an
 * improvement, exit 0: 3.43.1 creates CPUs + 4 at a time), then 3.44.4, whose destroy
 * alone got slower, against 3.44.3 (a regression in destroy, exit 1).
 */
import { join } from 'node:path'
import { simulatedPulumi } from './simulated-pulumi'
import { demoBisect } from './demo-bisect'

const pulumi = await simulatedPulumi()
const PHASES = 'up, update, destroy'
/**
 * 200 resources whose creates take 100 ms, diffs 5 ms and deletes 200 ms, behind a
 * language host that takes 300 ms to start: the relative costs of a real program.
 */
const CONFIG = 'resources: 200\nlatencyMs: 100\ndeleteFactor: 2\nprogramStartMs: 300'

async function gate(baseline: string, candidate: string): Promise<number | null> {
  console.log(
    `\n$ pulumi-perf-gate run --baseline-version ${baseline} --candidate-version ${candidate} --phases '${PHASES}' …\n`
  )
  const { status } = await pulumi.run({
    baseline,
    candidate,
    flags: [
      ...['--phases', PHASES, '--config', CONFIG, '--samples', '10'],
      ...['--results-file', join(pulumi.work, `results-${baseline}-vs-${candidate}.json`)]
    ],
    stdout: 'inherit'
  })
  console.log(`\nexit status ${status}`)
  return status
}

try {
  const fixed = await gate('3.43.1', '3.44.3')
  const slowerDestroy = await gate('3.44.3', '3.44.4')
  console.log(
    `\nThe fixed CLI as candidate exits ${fixed} (pass); 3.44.4, whose destroy alone got slower, exits ${slowerDestroy} (the regression in destroy fails the check).`
  )
} finally {
  await pulumi.close()
}
await demoBisect()
