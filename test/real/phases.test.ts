/**
 * Every phase from one cycle on the real CLI: `up` on an empty stack, `preview` and the
 * no-op `update` on a deployed, unchanged one, `refresh`, and the next cycle's `destroy`
 * as the destroy phase (SPEC §10). What Pulumi printed for each shows the state it found.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { useRealWorld } from '../helpers/file-setup'
import { SEED_BASELINE, SEED_CANDIDATE } from '../../scripts/real-pulumi/versions'
import { realRunArgs, runBundledCli } from '../helpers/real-pulumi'
import type { ResultsFile } from '../../src/results/schema'

const real = useRealWorld()
const PHASES = ['up', 'preview', 'update', 'refresh', 'destroy']
const RESOURCES = 6

describe('every phase on the real CLI', () => {
  it('times up, preview, update, refresh and destroy from one cycle, and leaves nothing', async () => {
    const run = await runBundledCli(
      realRunArgs(real.world, real.releases.url, {
        'baseline-version': SEED_BASELINE,
        'candidate-version': SEED_CANDIDATE,
        config: `resources: ${RESOURCES}\nlatencyMs: 200\nreadMs: 100\ndeleteMs: 100`,
        phases: PHASES.join(', '),
        samples: '3',
        looks: '1',
        warmup: '1'
      }),
      real.world.env
    )
    const results = JSON.parse(run.stdout) as ResultsFile

    expect(Object.keys(results.phases ?? {}), run.stderr).toEqual(PHASES)
    for (const phase of PHASES) {
      const groups = results.results.filter(result => result.parameters?.['phase'] === phase)
      expect(
        groups.map(group => group.times.length),
        phase
      ).toEqual([3, 3])
      const means = groups.map(group => `${group.version} ${group.mean?.toFixed(2)} s`)
      console.log(`real ${phase}, mean of one sample: ${means.join(', ')}`)
    }
    // A stack holds the program's Sleeps and its root Stack resource.
    const stackResources = RESOURCES + 1
    const log = readFileSync(
      path.join(path.dirname(real.world.resultsFile), 'logs', 'baseline.log'),
      'utf8'
    )
    const count = (pattern: RegExp) => log.match(new RegExp(pattern.source, 'gm'))?.length ?? 0
    // Warmup and three samples: four cycles, each creating everything on an empty stack…
    expect(count(new RegExp(`\\+ ${stackResources} created`))).toBe(4)
    // …previewing and updating it unchanged (one summary each), refreshing it…
    expect(count(new RegExp(`${stackResources} unchanged`))).toBeGreaterThanOrEqual(8)
    expect(count(/^Refreshing \(/m)).toBe(4)
    // …and the next cycle's destroy (and the teardown's) deleting it all.
    expect(count(new RegExp(`- ${stackResources} deleted`))).toBe(4)
    expect(real.world.liveResources()).toEqual([])
    expect(await real.world.processesLeft()).toEqual([])
  })
})
