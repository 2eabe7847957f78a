/**
 * A user benchmarking their own program on the real CLIs: the stack they selected for
 * the program stays selected (before 3.256 `stack init` selects the new stack), and
 * config values reach Pulumi on stdin as plain text, a password-like one included, and
 * appear nowhere the run wrote.
 */
import { mkdirSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { SEED_BASELINE, SEED_CANDIDATE } from '../../scripts/real-pulumi/versions'
import { serveReleases, type ReleaseServer } from '../helpers/pulumi-releases'
import {
  makeRealWorld,
  pulumiByHand,
  realRunArgs,
  runBundledCli,
  type RealWorld
} from '../helpers/real-pulumi'

const build = inject('realPulumi')
const PASSWORD = 'hunter2-prod-db-7f3a'

let releases: ReleaseServer
let world: RealWorld

beforeAll(async () => {
  releases = await serveReleases(build.releases)
})
afterAll(() => releases.close())
beforeEach(async () => {
  world = await makeRealWorld(build)
})
afterEach(() => world.remove())

describe("the user's own program on the real CLIs", () => {
  it('keeps the selected stack and takes a password-like config value on stdin', async () => {
    const backendDir = path.join(world.root, 'user-backend')
    mkdirSync(backendDir)
    const userEnv = { PULUMI_BACKEND_URL: `file://${backendDir}` }
    await pulumiByHand(world, build, SEED_BASELINE, ['stack', 'init', 'dev'], userEnv)

    const run = await runBundledCli(
      realRunArgs(world, releases.url, {
        'baseline-version': SEED_BASELINE,
        'candidate-version': SEED_CANDIDATE,
        config: `resources: 4\nlatencyMs: 100\ndbPassword: ${PASSWORD}`,
        samples: '3',
        looks: '1'
      }),
      world.env
    )
    expect(run.stdout, run.stderr).not.toContain('"error"')

    const selected = await pulumiByHand(
      world,
      build,
      SEED_BASELINE,
      ['stack', '--show-name'],
      userEnv
    )
    expect(selected.stdout.trim()).toBe('dev')
    const folder = path.dirname(world.resultsFile)
    const written = [
      world.resultsFile,
      ...readdirSync(path.join(folder, 'logs')).map(name => path.join(folder, 'logs', name))
    ].map(file => readFileSync(file, 'utf8'))
    expect(written.join('\n') + run.stdout + run.stderr).not.toContain(PASSWORD)
    expect(world.liveResources()).toEqual([])
  })
})
