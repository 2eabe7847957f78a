/**
 * Old against new on the real CLIs: 3.43.1 keeps a new file backend in the legacy layout,
 * which the newest Pulumi refuses (3.257 on); the run gives each group a backend of its
 * own, so the two never meet. Where they do meet (a backend the user gave), the error
 * names Pulumi's own reason. YAML programs: newer CLIs have no Python host here
 * (scripts/real-pulumi/versions.ts).
 */
import { mkdirSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { NEWEST, SEED_BASELINE } from '../../scripts/real-pulumi/versions'
import { serveReleases, type ReleaseServer } from '../helpers/pulumi-releases'
import {
  makeRealWorld,
  pulumiByHand,
  realRunArgs,
  runBundledCli,
  type RealWorld
} from '../helpers/real-pulumi'
import type { ResultsFile } from '../../src/results/schema'

const build = inject('realPulumi')
const DEPRECATED = /legacy DIY|deprecat/i

let releases: ReleaseServer
let world: RealWorld

beforeAll(async () => {
  releases = await serveReleases(build.releases)
})
afterAll(() => releases.close())
beforeEach(async () => {
  world = await makeRealWorld(build, { runtime: 'yaml', resources: 8, createSeconds: 0.2 })
})
afterEach(() => world.remove())

/** Everything the run wrote beside its results: the results file and the commands' logs. */
function writtenText(resultsFile: string): string {
  const folder = path.dirname(resultsFile)
  const logs = path.join(folder, 'logs')
  const files = [resultsFile, ...readdirSync(logs).map(name => path.join(logs, name))]
  return files.map(file => readFileSync(file, 'utf8')).join('\n')
}

describe('old against new on the real CLIs', () => {
  it(`${SEED_BASELINE} against ${NEWEST} sets up, runs and tears down on the default backend`, async () => {
    const run = await runBundledCli(
      realRunArgs(world, releases.url, {
        'baseline-version': SEED_BASELINE,
        'candidate-version': NEWEST,
        samples: '3',
        looks: '1'
      }),
      world.env
    )
    const results = JSON.parse(run.stdout) as ResultsFile

    expect(run.stdout, run.stderr).not.toContain('"error"')
    expect(results.comparison?.verdict).toBeDefined()
    expect(results.results.map(result => result.version)).toEqual([SEED_BASELINE, NEWEST])
    expect(results.results.every(result => result.times.length === 3)).toBe(true)
    expect(run.stderr).not.toMatch(DEPRECATED)
    expect(writtenText(world.resultsFile)).not.toMatch(DEPRECATED)
    expect(world.liveResources()).toEqual([])
    expect(await world.processesLeft()).toEqual([])
  })

  it("a stack init that fails says Pulumi's own reason", async () => {
    // The user's backend, where 3.43.1 made a stack: the legacy layout.
    const backendDir = path.join(world.root, 'user-backend')
    mkdirSync(backendDir)
    const backendUrl = `file://${backendDir}`
    const userEnv = { PULUMI_BACKEND_URL: backendUrl }
    await pulumiByHand(world, build, SEED_BASELINE, ['stack', 'init', 'dev'], userEnv)

    const run = await runBundledCli(
      realRunArgs(world, releases.url, {
        'baseline-version': NEWEST,
        'candidate-version': NEWEST,
        'backend-url': backendUrl,
        samples: '3'
      }),
      world.env
    )

    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(
      // 3.257 to 3.274 say "is deprecated"; 3.275 on "is no longer supported".
      /pulumi stack init \S+ --non-interactive failed with exit code \d+: error: Legacy DIY state is (deprecated|no longer supported)/
    )
    expect(await world.processesLeft()).toEqual([])
  })
})
