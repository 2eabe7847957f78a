/**
 * Setup shared by a whole test file, registered with vitest's hooks. Kept apart from the
 * helpers it uses, which the scripts (demo, bench:cancel) import outside vitest.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest'
import type { RealPulumiBuild } from '../../scripts/real-pulumi/build'
import { ActionHarness } from './action-runner'
import { makeRealWorld, type RealWorld, type WorldOptions } from './real-pulumi'
import {
  buildReleases,
  serveReleases,
  type BuildReleasesOptions,
  type ReleaseServer
} from './pulumi-releases'

/**
 * One harness for a test file: started before its tests (`onStart` gets it), its
 * GitHub state reset after each test, closed after them all.
 */
export function useActionHarness(token: string, onStart: (harness: ActionHarness) => void): void {
  let harness: ActionHarness | undefined
  beforeAll(async () => {
    harness = await ActionHarness.start(token)
    onStart(harness)
  })
  afterEach(() => harness?.resetGitHub())
  afterAll(() => harness?.close())
}

/**
 * For a whole test file: a scratch folder (`work`) and the simulated releases built in
 * it and served on loopback; `onStart` gets both before the file's tests, and both are
 * gone after them.
 */
export function useServedReleases(
  prefix: string,
  onStart: (served: { work: string; releases: ReleaseServer }) => void | Promise<void>,
  options: BuildReleasesOptions = {}
): void {
  let work: string | undefined
  let releases: ReleaseServer | undefined
  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), prefix))
    await buildReleases(path.join(work, 'releases'), options)
    releases = await serveReleases(path.join(work, 'releases'))
    await onStart({ work, releases })
  })
  afterAll(async () => {
    await releases?.close()
    if (work !== undefined) rmSync(work, { recursive: true, force: true })
  })
}

/** What a real-CLI test file works with: the built CLIs, their release server, a fresh world per test. */
export interface RealContext {
  readonly build: RealPulumiBuild
  readonly releases: ReleaseServer
  readonly world: RealWorld
}

/**
 * For a real-CLI test file (test/real): the release archives of the real CLIs served on
 * loopback for the whole file, and a fresh world (test/helpers/real-pulumi.ts) for each test.
 */
export function useRealWorld(options: WorldOptions = {}): RealContext {
  const context = { build: inject('realPulumi') } as {
    build: RealPulumiBuild
    releases: ReleaseServer
    world: RealWorld
  }
  beforeAll(async () => {
    context.releases = await serveReleases(context.build.releases)
  })
  afterAll(() => context.releases.close())
  beforeEach(async () => {
    context.world = await makeRealWorld(context.build, options)
  })
  afterEach(() => context.world.remove())
  return context
}
