/**
 * The seed's experiment on the real Pulumi CLIs: Pulumi 3.43.1, whose
 * `pulumi-language-python-exec` leaves the Python program's executor at Python's default
 * size (min(32, CPUs + 4): 6 threads on 2 cores), against 3.44.2, which sizes it from
 * `--parallel`. The program registers 60 independent resources whose creates take 1 s in
 * a Go provider, so 3.43.1 needs ceil(60 / (CPUs + 4)) rounds where 3.44.2 needs one.
 * The bundled action finds the improvement; the command line, with the versions swapped,
 * the regression.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SEED_BASELINE, SEED_CANDIDATE } from '../../scripts/real-pulumi/versions'
import { useActionHarness, useRealWorld } from '../helpers/file-setup'
import type { ActionHarness } from '../helpers/action-runner'
import { realRunArgs, runBundledCli } from '../helpers/real-pulumi'
import type { ResultsFile } from '../../src/results/schema'

const real = useRealWorld()
const SEED_CONFIG = 'resources: 60\nlatencyMs: 1000'

let harness: ActionHarness

useActionHarness('ghs_realSeedToken0123456789abcdefABCDEF', started => (harness = started))

/** The seed's sentence for the `up` phase: ratio with its spread, interval, samples. */
function describeUp(results: ResultsFile): string {
  const comparison = results.comparison
  const ratio = comparison.ratio
  const samples = results.results.map(r => r.times.length).join(' + ')
  const means = results.results.map(r => `${r.version} ${r.mean?.toFixed(2)} s`).join(', ')
  return (
    `${comparison.verdict}: ${means}; candidate/baseline = ${ratio.value?.toFixed(3)} ± ${ratio.stddev?.toFixed(3)}` +
    ` (interval ${ratio.ciLow?.toFixed(3)}–${ratio.ciHigh?.toFixed(3)}), samples ${samples}`
  )
}

describe('the seed on the real Pulumi CLIs', () => {
  it(`the action finds ${SEED_CANDIDATE}'s up faster than ${SEED_BASELINE}'s, and leaves nothing`, async () => {
    const job = harness.job(
      {
        program: real.world.program,
        'baseline-version': SEED_BASELINE,
        'candidate-version': SEED_CANDIDATE,
        'pulumi-download-url': real.releases.url,
        config: SEED_CONFIG,
        samples: '10',
        'results-file': real.world.resultsFile
      },
      { env: { PATH: real.world.env['PATH']!, PULUMI_HOME: real.world.env['PULUMI_HOME']! } }
    )
    const step = await job.run('index')
    const results = JSON.parse(readFileSync(real.world.resultsFile, 'utf8')) as ResultsFile
    console.log(`seed, action: ${describeUp(results)}`)

    expect(step.exitCode, step.stdout).toBe(0)
    expect(step.outputs['verdict']).toBe('improvement')
    expect(results.comparison?.verdict).toBe('improvement')
    expect(results.results.map(result => result.version)).toEqual([SEED_BASELINE, SEED_CANDIDATE])
    expect(real.world.liveResources()).toEqual([])
    expect(await real.world.processesLeft()).toEqual([])
  })

  it('the command line, versions swapped, finds the regression and exits 1', async () => {
    const run = await runBundledCli(
      realRunArgs(real.world, real.releases.url, {
        'baseline-version': SEED_CANDIDATE,
        'candidate-version': SEED_BASELINE,
        config: SEED_CONFIG,
        samples: '10'
      }),
      real.world.env
    )
    const results = JSON.parse(run.stdout) as ResultsFile
    console.log(`seed, command line, swapped: ${describeUp(results)}`)

    expect(run.status, run.stderr).toBe(1)
    expect(results.comparison?.verdict).toBe('regression')
    expect(real.world.liveResources()).toEqual([])
    expect(await real.world.processesLeft()).toEqual([])
  })
})
