/**
 * The seed's program in a sweep on the real CLIs (docs/sweep.md): 3.44.2 as the baseline,
 * 3.43.1 (Python's default executor, min(32, CPUs + 4) threads) and 3.44.2 again as
 * candidates. Only 3.43.1 is a regression; the step fails; every stack is gone.
 */
import { describe, expect, it } from 'vitest'
import { SEED_BASELINE, SEED_CANDIDATE } from '../../scripts/real-pulumi/versions'
import { useRealWorld } from '../helpers/file-setup'
import { realRunArgs, runBundledCli } from '../helpers/real-pulumi'
import type { ResultsFile } from '../../src/results/schema'
import { describeSweep } from './sweep-figures'

const real = useRealWorld()

describe('the seed as a sweep on the real Pulumi CLIs', () => {
  it(`${SEED_CANDIDATE} against ${SEED_BASELINE} and itself: only ${SEED_BASELINE} regressed`, async () => {
    const run = await runBundledCli(
      realRunArgs(real.world, real.releases.url, {
        'baseline-version': SEED_CANDIDATE,
        'candidate-version': `${SEED_BASELINE} ${SEED_CANDIDATE}`,
        // 3.43.1 creates 6 at a time on 2 CPUs, the fix all 24: about 2 s against 0.5 s of
        // creates, decided at the first looks; the A/A pair runs to the cap.
        config: 'resources: 24\nlatencyMs: 500',
        samples: '6'
      }),
      real.world.env
    )
    const results = JSON.parse(run.stdout) as ResultsFile
    console.log(`seed as a sweep: ${describeSweep(results)}`)

    expect(run.status, run.stderr).toBe(1)
    const [older, same] = results.sweep!.comparisons
    expect(older!.comparison.verdict).toBe('regression')
    expect(same!.comparison.verdict).not.toBe('regression')
    // The version listed twice is installed once; its groups keep apart by name, each
    // with its own samples.
    expect(results.results[2]!.times).not.toEqual(results.results[0]!.times)
    expect(results.sweep!.groups).toEqual([
      `pulumi ${SEED_CANDIDATE} (baseline)`,
      `pulumi ${SEED_BASELINE}`,
      `pulumi ${SEED_CANDIDATE} (candidate-2)`
    ])
    expect(real.world.liveResources()).toEqual([])
    expect(await real.world.processesLeft()).toEqual([])
  })
})
