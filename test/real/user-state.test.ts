/**
 * A user benchmarking their own program on the real CLIs: the stack they selected for
 * the program stays selected (before 3.256 `stack init` selects the new stack), and
 * config values reach Pulumi on stdin as plain text, a password-like one included, and
 * appear nowhere the run wrote.
 */
import { mkdirSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { useRealWorld } from '../helpers/file-setup'
import { SEED_BASELINE, SEED_CANDIDATE } from '../../scripts/real-pulumi/versions'
import { pulumiByHand, realRunArgs, runBundledCli } from '../helpers/real-pulumi'

const real = useRealWorld()
const PASSWORD = 'hunter2-prod-db-7f3a'

describe("the user's own program on the real CLIs", () => {
  it('keeps the selected stack and takes a password-like config value on stdin', async () => {
    const backendDir = path.join(real.world.root, 'user-backend')
    mkdirSync(backendDir)
    const userEnv = { PULUMI_BACKEND_URL: `file://${backendDir}` }
    await pulumiByHand(real.world, real.build, SEED_BASELINE, ['stack', 'init', 'dev'], userEnv)

    const run = await runBundledCli(
      realRunArgs(real.world, real.releases.url, {
        'baseline-version': SEED_BASELINE,
        'candidate-version': SEED_CANDIDATE,
        config: `resources: 4\nlatencyMs: 100\ndbPassword: ${PASSWORD}`,
        samples: '3',
        looks: '1'
      }),
      real.world.env
    )
    expect(run.stdout, run.stderr).not.toContain('"error"')

    const showName = ['stack', '--show-name']
    const selected = await pulumiByHand(real.world, real.build, SEED_BASELINE, showName, userEnv)
    expect(selected.stdout.trim()).toBe('dev')
    const folder = path.dirname(real.world.resultsFile)
    const written = [
      real.world.resultsFile,
      ...readdirSync(path.join(folder, 'logs')).map(name => path.join(folder, 'logs', name))
    ].map(file => readFileSync(file, 'utf8'))
    expect(written.join('\n') + run.stdout + run.stderr).not.toContain(PASSWORD)
    expect(real.world.liveResources()).toEqual([])
  })
})
