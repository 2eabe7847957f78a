/**
 * A sweep on the real CLIs (docs/sweep.md): three real versions on one program, each
 * installed once, in balanced rounds, every stack gone afterwards. The seed's Python
 * program runs only on the seed's pair here (newer CLIs are built without a Python host:
 * scripts/real-pulumi/versions.ts), so three versions sweep the YAML program they all run.
 */
import { describe, expect, it } from 'vitest'
import { MIDDLE, NEWEST, SEED_BASELINE } from '../../scripts/real-pulumi/versions'
import { useRealWorld } from '../helpers/file-setup'
import { realRunArgs, runBundledCli } from '../helpers/real-pulumi'
import type { ResultsFile } from '../../src/results/schema'
import { describeSweep } from './sweep-figures'

const real = useRealWorld({ runtime: 'yaml', resources: 8, createSeconds: 0.2 })

describe('a sweep of three real Pulumi versions', () => {
  it(`${SEED_BASELINE} against ${MIDDLE} and ${NEWEST}: every comparison judged, nothing left`, async () => {
    const run = await runBundledCli(
      realRunArgs(real.world, real.releases.url, {
        'baseline-version': SEED_BASELINE,
        'candidate-version': `${MIDDLE}, ${NEWEST}`,
        samples: '6',
        parallel: '8'
      }),
      real.world.env
    )
    const results = JSON.parse(run.stdout) as ResultsFile
    console.log(`sweep of three real versions: ${describeSweep(results)}`)

    expect(run.stdout, run.stderr).not.toContain('"error"')
    expect(results.results.map(result => result.version)).toEqual([SEED_BASELINE, MIDDLE, NEWEST])
    expect(results.sweep!.comparisons.map(entry => entry.candidate)).toEqual([
      `pulumi ${MIDDLE}`,
      `pulumi ${NEWEST}`
    ])
    expect(run.status).toBe(results.sweep!.verdict === 'regression' ? 1 : 0)
    expect(real.world.liveResources()).toEqual([])
    expect(await real.world.processesLeft()).toEqual([])
  })
})
