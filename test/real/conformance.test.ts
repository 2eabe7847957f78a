/**
 * The simulated Pulumi (fixtures/pulumi-sim) against the real CLIs: each scenario runs once
 * on every kind of CLI, from release archives served on loopback, and what the product
 * reads must be the same: exit codes, the messages it parses, the state's shape, pending
 * operations, locks, the backend's layout, the selected stack, and how many creates run at
 * once. Each scenario also checks the real CLI against the fact the simulator models, so a
 * failure says which of the two moved.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { availableParallelism, tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { MIDDLE, NEWEST, SEED_BASELINE, SEED_CANDIDATE } from '../../scripts/real-pulumi/versions'
import {
  backendLayout,
  createsEndingTogether,
  createsInFlight,
  pulumiIn,
  startPulumi,
  stateShape,
  unpackedFrom,
  type PulumiKind
} from '../helpers/pulumi-by-hand'
import { buildReleases, serveReleases, type ReleaseServer } from '../helpers/pulumi-releases'
import {
  makeRealWorld,
  processesMentioning,
  type RealWorld,
  type WorldOptions
} from '../helpers/real-pulumi'
import { waitUntil } from '../helpers/cancel-scenarios'

const build = inject('realPulumi')
const VERSIONS = [SEED_BASELINE, SEED_CANDIDATE, MIDDLE, NEWEST]
const CPUS = availableParallelism()

let folder: string
const servers: ReleaseServer[] = []
const kinds: PulumiKind[] = []
const worlds: RealWorld[] = []

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'ppg-conformance-'))
  const real = await serveReleases(build.releases)
  const simDir = path.join(folder, 'sim-releases')
  await buildReleases(simDir, { releases: VERSIONS.map(version => ({ version })) })
  const simulated = await serveReleases(simDir)
  servers.push(real, simulated)
  kinds.push(
    unpackedFrom('real', real.url, path.join(folder, 'cli')),
    unpackedFrom('simulated', simulated.url, path.join(folder, 'cli'))
  )
})
afterEach(async () => {
  // Whatever a killed Pulumi left running: its language host and plugins have process
  // groups of their own, and run from the world or from our unpacked CLIs.
  const left = [...(await processesMentioning(folder))]
  for (const w of worlds) left.push(...(await w.processesLeft()))
  for (const line of left) {
    try {
      process.kill(Number(line.trim().split(/\s+/)[0]), 'SIGKILL')
    } catch {
      // Gone meanwhile.
    }
  }
  await Promise.all(worlds.splice(0).map(w => w.remove()))
})
afterAll(async () => {
  await Promise.all(servers.map(server => server.close()))
  await rm(folder, { recursive: true, force: true })
})

async function world(options: WorldOptions = {}): Promise<RealWorld> {
  const made = await makeRealWorld(build, options)
  worlds.push(made)
  return made
}

/** Runs `scenario` on every kind of CLI; returns what each saw, by kind. */
async function onEveryCli<T>(
  scenario: (kind: PulumiKind) => Promise<T>
): Promise<Record<PulumiKind['name'], T>> {
  const seen = {} as Record<PulumiKind['name'], T>
  for (const kind of kinds) seen[kind.name] = await scenario(kind)
  return seen
}

/** A fresh backend folder in a world (the real CLI needs the folder to exist). */
function backendIn(w: RealWorld): string {
  const dir = path.join(w.root, 'backend')
  mkdirSync(dir, { recursive: true })
  return dir
}

const firstLine = (text: string): string => text.split('\n')[0] ?? ''
const locksIn = (backend: string) =>
  backendLayout(backend).filter(file => file.startsWith('.pulumi/locks/'))

/** Stack `dev` made by `version` of `kind` in a fresh world, its config set; ways to run Pulumi on it. */
async function devStack(
  kind: PulumiKind,
  version: string,
  config: Record<string, string> = {},
  options: WorldOptions = {}
) {
  const w = await world(options)
  const backend = backendIn(w)
  const bin = await kind.binaries(version)
  const pulumi = (args: string[]) => pulumiIn(w, bin, backend, args)
  await pulumi(['stack', 'init', 'dev'])
  for (const [key, value] of Object.entries(config)) await pulumi(['config', 'set', key, value])
  /** Starts `pulumi up` and resolves once `count` creates are in flight. */
  const upWithCreatesInFlight = async (count: number) => {
    const up = startPulumi(w, bin, backend, ['up', '--yes', '--skip-preview'])
    await waitUntil(
      `${count} creates are in flight`,
      () => createsInFlight(up.stdout()).now === count,
      {
        timeoutMs: 60_000,
        stop: () => up.ended()
      }
    )
    return up
  }
  return {
    backend,
    pulumi,
    upWithCreatesInFlight,
    /** Resources that exist, whatever the state says: the provider's files, the simulated cloud's records. */
    made: () =>
      kind.name === 'real'
        ? w.liveResources().length
        : readdirSync(path.join(backend, '.pulumi-sim-cloud'), { recursive: true }).filter(name =>
            String(name).endsWith('.json')
          ).length,
    start: (args: string[]) => startPulumi(w, bin, backend, args)
  }
}

const UP = ['up', '--yes', '--skip-preview']

/** Pending operations in the checkpoint of the backend's one stack, as last saved. */
function pendingOnDisk(backend: string): number {
  const file = backendLayout(backend).find(name => name.startsWith('.pulumi/stacks/'))
  if (!file) return 0
  try {
    const saved = JSON.parse(readFileSync(path.join(backend, file), 'utf8')) as {
      checkpoint: { latest?: { pending_operations?: unknown[] } }
    }
    return saved.checkpoint.latest?.pending_operations?.length ?? 0
  } catch {
    return 0 // being written: read it on the next look
  }
}

describe('the simulated Pulumi agrees with the real CLIs', () => {
  it('lays out a new backend as each version does', async () => {
    const seen = await onEveryCli(async kind => {
      const layouts: Record<string, unknown> = {}
      for (const version of [SEED_BASELINE, MIDDLE, NEWEST]) {
        const w = await world()
        const backend = backendIn(w)
        const init = await pulumiIn(w, await kind.binaries(version), backend, [
          'stack',
          'init',
          'dev'
        ])
        layouts[version] = { status: init.status, files: backendLayout(backend) }
      }
      return layouts
    })

    expect(seen.real[SEED_BASELINE]).toEqual({ status: 0, files: ['.pulumi/stacks/dev.json'] })
    expect(seen.real[NEWEST]).toEqual({
      status: 0,
      files: ['.pulumi/meta.yaml', '.pulumi/stacks/provider-sleep-python/dev.json']
    })
    expect(seen.simulated).toEqual(seen.real)
  })

  it('keeps a backend an old version made legacy, which the newest refuses', async () => {
    const seen = await onEveryCli(async kind => {
      const outcomes: Record<string, unknown> = {}
      for (const [version, env] of [
        [MIDDLE, {}],
        [NEWEST, {}],
        [NEWEST, { PULUMI_DIY_BACKEND_IGNORE_DEPRECATION_ERROR: '1' }]
      ] as const) {
        const w = await world()
        const backend = backendIn(w)
        await pulumiIn(w, await kind.binaries(SEED_BASELINE), backend, ['stack', 'init', 'old'])
        const init = await pulumiIn(
          w,
          await kind.binaries(version),
          backend,
          ['stack', 'init', 'new'],
          env
        )
        outcomes[`${version} ${Object.keys(env).join(' ')}`.trim()] = {
          status: init.status,
          firstStderrLine: firstLine(init.stderr),
          legacyNotice: /Legacy DIY state is (deprecated|no longer supported)/.test(init.stderr),
          files: backendLayout(backend)
        }
      }
      return outcomes
    })

    // From 3.275 the legacy layout is refused whatever the environment says.
    for (const newest of [NEWEST, `${NEWEST} PULUMI_DIY_BACKEND_IGNORE_DEPRECATION_ERROR`]) {
      expect(seen.real[newest]).toEqual({
        status: 1,
        firstStderrLine: 'error: ',
        legacyNotice: true,
        files: ['.pulumi/stacks/old.json']
      })
    }
    expect(seen.real[MIDDLE]).toEqual({
      status: 0,
      firstStderrLine: '',
      legacyNotice: false,
      files: ['.pulumi/stacks/new.json', '.pulumi/stacks/old.json']
    })
    expect(seen.simulated).toEqual(seen.real)
  })

  it('refuses a backend folder that does not exist', async () => {
    const seen = await onEveryCli(async kind => {
      const outcomes: Record<string, unknown> = {}
      for (const version of [SEED_BASELINE, NEWEST]) {
        const w = await world()
        const missing = path.join(w.root, 'no-such-folder')
        const init = await pulumiIn(w, await kind.binaries(version), missing, [
          'stack',
          'init',
          'dev'
        ])
        outcomes[version] = {
          status: init.status,
          says: /^error: .*: no such file or directory$/.test(init.stderr.trim()),
          created: existsSync(missing)
        }
      }
      return outcomes
    })

    expect(seen.real[NEWEST]).toEqual({ status: 1, says: true, created: false })
    expect(seen.simulated).toEqual(seen.real)
  })

  it('refuses a stack that exists with the same message and status', async () => {
    const seen = await onEveryCli(async kind => {
      const outcomes: Record<string, unknown> = {}
      for (const version of [SEED_BASELINE, NEWEST]) {
        const w = await world()
        const bin = await kind.binaries(version)
        await pulumiIn(w, bin, backendIn(w), ['stack', 'init', 'dev'])
        const again = await pulumiIn(w, bin, backendIn(w), ['stack', 'init', 'dev'])
        outcomes[version] = { status: again.status, stderr: again.stderr.trim() }
      }
      return outcomes
    })

    expect(seen.real[SEED_BASELINE]).toEqual({
      status: 255,
      stderr: "error: stack 'dev' already exists"
    })
    expect(seen.simulated).toEqual(seen.real)
  })

  it('records the selected stack where and how each version does', async () => {
    const seen = await onEveryCli(async kind => {
      const selections: Record<string, unknown> = {}
      for (const version of [SEED_BASELINE, NEWEST]) {
        const w = await world()
        const backend = backendIn(w)
        await pulumiIn(w, await kind.binaries(version), backend, ['stack', 'init', 'dev'])
        const workspaces = path.join(w.env['PULUMI_HOME']!, 'workspaces')
        // Named by the sha1 of the path of Pulumi.yaml, which differs from world to world.
        const hash = createHash('sha1').update(path.join(w.program, 'Pulumi.yaml')).digest('hex')
        selections[version] = Object.fromEntries(
          (existsSync(workspaces) ? readdirSync(workspaces) : []).map(name => [
            name.replace(hash, '<sha1 of Pulumi.yaml path>'),
            JSON.parse(
              readFileSync(path.join(workspaces, name), 'utf8').split(backend).join('<backend>')
            )
          ])
        )
      }
      return selections
    })

    expect(seen.real[SEED_BASELINE]).toEqual({
      'provider-sleep-python-<sha1 of Pulumi.yaml path>-workspace.json': { stack: 'dev' }
    })
    // From 3.256 the selection is kept per backend.
    expect(seen.real[NEWEST]).toEqual({
      'provider-sleep-python-<sha1 of Pulumi.yaml path>-workspace.json': {
        stacks: { 'file://<backend>': 'organization/provider-sleep-python/dev' }
      }
    })
    expect(seen.simulated).toEqual(seen.real)
  })

  it("runs a Python program's creates as each version's executor allows", async () => {
    const seen = await onEveryCli(async kind => {
      const peaks: Record<string, unknown> = {}
      for (const version of [SEED_BASELINE, SEED_CANDIDATE]) {
        const stack = await devStack(kind, version, { resources: '12', latencyMs: '2000' })
        const up = await stack.pulumi(UP)
        const exported = await stack.pulumi(['stack', 'export'])
        peaks[version] = {
          status: up.status,
          inFlight: createsInFlight(up.stdout).peak,
          state: stateShape(exported.stdout)
        }
      }
      return peaks
    })

    // Python's default executor before 3.44.0: min(32, CPUs + 4).
    expect(seen.real[SEED_BASELINE]).toMatchObject({ status: 0, inFlight: Math.min(32, CPUS + 4) })
    expect(seen.real[SEED_CANDIDATE]).toMatchObject({ status: 0, inFlight: 12 })
    expect(seen.simulated).toEqual(seen.real)
  })

  it("serves a Python dynamic provider's creates 4 at a time in every version", async () => {
    const latencyMs = 2000
    const seen = await onEveryCli(async kind => {
      const waves: Record<string, number[]> = {}
      for (const version of [SEED_BASELINE, SEED_CANDIDATE]) {
        const config = { resources: '8', latencyMs: String(latencyMs) }
        const stack = await devStack(kind, version, config, { pythonProgram: 'sleep-python' })
        const up = stack.start(UP)
        expect((await up.done).status).toBe(0)
        // The engine starts up to 6 (3.43.1 on 2 CPUs) or 8 steps at once; the provider's
        // 4 workers end them 4 by 4, a create's time apart.
        waves[version] = createsEndingTogether(up.lines(), latencyMs / 2)
      }
      return waves
    })

    expect(seen.real).toEqual({ [SEED_BASELINE]: [4, 4], [SEED_CANDIDATE]: [4, 4] })
    expect(seen.simulated).toEqual(seen.real)
  })

  it('defaults --parallel to unbounded before 3.100 and 4 × CPUs after', async () => {
    const resources = 4 * CPUS + 4
    const seen = await onEveryCli(async kind => {
      const peaks: Record<string, number> = {}
      for (const version of [SEED_BASELINE, MIDDLE]) {
        const yaml = { runtime: 'yaml', resources, createSeconds: 1.5 } as const
        const stack = await devStack(kind, version, {}, yaml)
        peaks[version] = createsInFlight((await stack.pulumi(UP)).stdout).peak
      }
      return peaks
    })

    expect(seen.real).toEqual({ [SEED_BASELINE]: resources, [MIDDLE]: 4 * CPUS })
    expect(seen.simulated).toEqual(seen.real)
  })

  it('fails the creates in flight when ^C cancels the provider', async () => {
    const seen = await onEveryCli(async kind => {
      const config = { resources: '6', latencyMs: '20000' }
      const stack = await devStack(kind, SEED_CANDIDATE, config)
      const up = await stack.upWithCreatesInFlight(6)
      up.child.kill('SIGINT')
      const ended = await up.done
      const exported = await stack.pulumi(['stack', 'export'])
      return {
        status: ended.status,
        ending: /error: update (failed|canceled)/.exec(ended.stdout)?.[0],
        state: stateShape(exported.stdout),
        locks: locksIn(stack.backend)
      }
    })

    expect(seen.real).toMatchObject({ status: 255, ending: 'error: update failed', locks: [] })
    expect(seen.real.state.pending).toEqual([])
    expect(seen.simulated).toEqual(seen.real)
  })

  it('loses before 3.87 what its providers made when ^C lands, and records it from 3.87', async () => {
    const seen = await onEveryCli(async kind => {
      const outcomes: Record<string, unknown> = {}
      // Each resource exists at once; its create returns when it is ready, 30 s later.
      const program = {
        runtime: 'yaml',
        resources: 4,
        createSeconds: 0,
        readySeconds: 30
      } as const
      for (const version of [SEED_BASELINE, MIDDLE, NEWEST]) {
        const stack = await devStack(kind, version, {}, program)
        const up = await stack.upWithCreatesInFlight(4)
        await waitUntil('4 resources exist', () => stack.made() === 4, { stop: () => up.ended() })
        up.child.kill('SIGINT')
        const ended = await up.done
        const state = stateShape((await stack.pulumi(['stack', 'export'])).stdout)
        outcomes[version] = {
          status: ended.status,
          ending: /error: update (failed|canceled)/.exec(ended.stdout)?.[0],
          made: stack.made(),
          recorded: state.resources.filter(line => line.startsWith('perfgate:index:Sleep ')).length,
          pending: state.pending
        }
      }
      return outcomes
    })

    const failed = { ending: 'error: update failed', made: 4, pending: [] }
    // 3.43.1 SIGKILLs its providers on the first ^C: the four exist, recorded nowhere.
    expect(seen.real[SEED_BASELINE]).toEqual({ ...failed, status: 255, recorded: 0 })
    // From 3.87 the providers get Cancel and answer with the ids: the four are recorded.
    expect(seen.real[MIDDLE]).toEqual({ ...failed, status: 255, recorded: 4 })
    expect(seen.real[NEWEST]).toEqual({ ...failed, status: 1, recorded: 4 })
    expect(seen.simulated).toEqual(seen.real)
  })

  it("drops a dynamic provider's creates in flight on ^C before 3.87, as it kills the plugin", async () => {
    const seen = await onEveryCli(async kind => {
      const config = { resources: '4', latencyMs: '20000' }
      const stack = await devStack(kind, SEED_CANDIDATE, config, { pythonProgram: 'sleep-python' })
      const up = await stack.upWithCreatesInFlight(4)
      up.child.kill('SIGINT')
      const ended = await up.done
      const state = stateShape((await stack.pulumi(['stack', 'export'])).stdout)
      return {
        status: ended.status,
        ending: /error: update (failed|canceled)/.exec(ended.stdout)?.[0],
        recorded: state.resources.filter(line => line.startsWith('pulumi-python:dynamic')).length,
        pending: state.pending
      }
    })

    expect(seen.real).toEqual({
      status: 255,
      ending: 'error: update failed',
      recorded: 0,
      pending: []
    })
    expect(seen.simulated).toEqual(seen.real)
  })

  it('leaves a lock and pending creates after a SIGKILL, and pulumi cancel clears the lock', async () => {
    const seen = await onEveryCli(async kind => {
      const config = { resources: '4', latencyMs: '20000' }
      const stack = await devStack(kind, SEED_BASELINE, config)
      const up = await stack.upWithCreatesInFlight(4)
      // The display can show a create before its pending operation is on disk.
      await waitUntil('4 pending creates are saved', () => pendingOnDisk(stack.backend) === 4, {
        stop: () => up.ended()
      })
      up.child.kill('SIGKILL')
      await up.done
      const exported = await stack.pulumi(['stack', 'export'])
      const locked = await stack.pulumi(UP)
      const cancel = await stack.pulumi(['cancel', '--yes'])
      return {
        state: stateShape(exported.stdout),
        lockedStatus: locked.status,
        lockedLine: firstLine(locked.stderr).replace(/\d+ lock\(s\)/, 'N lock(s)'),
        cancelStatus: cancel.status,
        cancelSays: cancel.stdout.trim(),
        locksAfterCancel: locksIn(stack.backend)
      }
    })

    expect(seen.real.state.pending).toEqual(Array(4).fill('creating perfgate:index:Sleep'))
    expect(seen.real.lockedLine).toMatch(/^error: the stack is currently locked by N lock\(s\)/)
    expect(seen.real.locksAfterCancel).toEqual([])
    expect(seen.simulated).toEqual(seen.real)
  })
})
