import { spawn } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeSimBinaryFolder } from '../helpers/pulumi-releases'
import type { SimBuild } from '../helpers/pulumi-releases'
import { readSimCloud } from '../helpers/sim-cloud'

let root: string
const binaries = new Map<string, string>()

// Builds named by what they stand for; the version decides which real behaviour they follow.
const BUILDS: Record<string, SimBuild> = {
  seed: { version: '3.43.1' },
  // A one-CPU machine: Python's default executor before 3.44.0 has 5 threads.
  capped: { version: '3.43.1', cpus: 1 },
  fixed: { version: '3.44.3' },
  // The first ^C cancels the providers instead of killing them (#14057).
  providersKept: { version: '3.87.0' },
  slowDestroy: { version: '3.44.4', phaseFactors: { destroy: 2 } },
  slowStart: { version: '3.44.5', programStartMs: 400 },
  sigterm: { version: '3.140.0' },
  loneRoot: { version: '3.178.0' },
  taxonomy: { version: '3.230.0' },
  projectLayout: { version: '3.61.0' },
  cpuParallel: { version: '3.100.0', cpus: 2 },
  parallelEnv: { version: '3.154.0', cpus: 2 },
  legacyWarning: { version: '3.228.0' },
  legacyError: { version: '3.257.0' }
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'perf-gate-sim-'))
  for (const [name, build] of Object.entries(BUILDS)) {
    binaries.set(name, await writeSimBinaryFolder(path.join(root, 'cli', name), build))
  }
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

interface Finished {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

interface Running {
  pid: number
  stdout(): string
  /** Resolves once stdout has matched `pattern` `times` times. */
  waitFor(pattern: RegExp, times?: number): Promise<void>
  kill(signal: NodeJS.Signals): void
  finished: Promise<Finished>
}

interface RunOptions {
  build?: string
  env?: NodeJS.ProcessEnv
  input?: string
}

/** A project (with `pulumiYaml`) and an empty backend, and ways to run the sim in them. */
async function project(pulumiYaml = 'name: p\nruntime: python\n') {
  const dir = await mkdtemp(path.join(root, 'project-'))
  const backendDir = path.join(dir, 'backend')
  await writeFile(path.join(dir, 'Pulumi.yaml'), pulumiYaml)
  await mkdir(backendDir)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PULUMI_BACKEND_URL: `file://${backendDir}`,
    PULUMI_CONFIG_PASSPHRASE: ''
  }
  const start = (args: string[], options: RunOptions = {}): Running => {
    const child = spawn(binaries.get(options.build ?? 'seed')!, args, {
      cwd: dir,
      env: { ...env, ...options.env }
    })
    let stdout = ''
    let stderr = ''
    const waiters: Array<() => void> = []
    child.stdout.on('data', chunk => {
      stdout += chunk
      waiters.forEach(check => check())
    })
    child.stderr.on('data', chunk => (stderr += chunk))
    child.stdin.end(options.input ?? '')
    const finished = new Promise<Finished>(resolve =>
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
    )
    const waitFor = (pattern: RegExp, times = 1) =>
      new Promise<void>((resolve, reject) => {
        const count = () => stdout.match(new RegExp(pattern.source, 'g'))?.length ?? 0
        const check = () => count() >= times && resolve()
        waiters.push(check)
        check()
        void finished.then(() => reject(new Error(`exited before ${pattern}:\n${stdout}`)))
      })
    return { pid: child.pid!, stdout: () => stdout, waitFor, kill: s => child.kill(s), finished }
  }
  const sim = (args: string[], options: RunOptions = {}) => start(args, options).finished
  // Releases before 3.61.0 keep the legacy layout: no project folder (backend.mjs).
  const legacy = () => !existsSync(path.join(backendDir, '.pulumi', 'meta.yaml'))
  const state = () => {
    const file = legacy()
      ? path.join(backendDir, '.pulumi', 'stacks', 'dev.json')
      : path.join(backendDir, '.pulumi', 'stacks', 'p', 'dev.json')
    return JSON.parse(readFileSync(file, 'utf8')) as Checkpoint
  }
  const locks = () => {
    const dir = legacy()
      ? path.join(backendDir, '.pulumi', 'locks', 'dev')
      : path.join(backendDir, '.pulumi', 'locks', 'organization', 'p', 'dev')
    return existsSync(dir) ? readdirSync(dir).map(name => path.join(dir, name)) : []
  }
  const log = () =>
    readFileSync(path.join(backendDir, '.pulumi', 'sim-log.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map(line => JSON.parse(line) as Record<string, unknown>)
  /** A stack `dev` with the given config. */
  const init = async (config: Record<string, string>, build?: string) => {
    expect((await sim(['stack', 'init', 'dev'], { build })).code).toBe(0)
    for (const [key, value] of Object.entries(config)) {
      expect((await sim(['config', 'set', key, value, '--stack', 'dev'], { build })).code).toBe(0)
    }
  }
  return { dir, backendDir, start, sim, state, locks, log, init }
}

interface Resource {
  urn: string
  id?: string
  type: string
  custom: boolean
}
interface Deployment {
  manifest: { time: string; version: string }
  resources?: Resource[]
  pending_operations?: Array<{ resource: Resource; type: string }>
}
interface Checkpoint {
  version: number
  checkpoint: { stack: string; latest?: Deployment }
}

/** The entry file of a Python program whose resources a provider plugin serves. */
const PLUGIN_PROGRAM =
  'import pulumi\n\npulumi.CustomResource("perfgate:index:Sleep", "sleep-000", {})\n'

const UP = ['up', '--yes', '--skip-preview', '--non-interactive', '--stack', 'dev']
const DESTROY = ['destroy', '--yes', '--skip-preview', '--non-interactive', '--stack', 'dev']
const REFRESH = ['refresh', '--yes', '--skip-preview', '--non-interactive', '--stack', 'dev']
const PREVIEW = ['preview', '--non-interactive', '--stack', 'dev']
const CREATING = /sleep-\d+ creating/

/** `up --parallel 2`, sent `signal` once two creates are in flight; how it ended. */
async function interruptedUp(
  start: (args: string[], options?: RunOptions) => Running,
  signal: NodeJS.Signals,
  build?: string
): Promise<Finished> {
  const up = start([...UP, '--parallel', '2'], { build })
  await up.waitFor(CREATING, 2)
  up.kill(signal)
  return up.finished
}
const DELETING = /sleep-\d+ deleting/

const ids = (resources: Resource[] = []) =>
  resources
    .filter(resource => resource.custom)
    .map(resource => resource.id)
    .sort()

describe('the simulated pulumi', { concurrent: true }, () => {
  it('prints its build version', async () => {
    const { sim } = await project()
    expect((await sim(['version'])).stdout).toBe('v3.43.1\n')
  })

  it('refuses a local backend without a passphrase, like the real CLI', async () => {
    const { sim } = await project()
    const result = await sim(['stack', 'init', 'dev'], {
      env: { PULUMI_CONFIG_PASSPHRASE: undefined }
    })
    expect(result.code).toBe(255)
    expect(result.stderr).toMatch(/^error: .*passphrase must be set with PULUMI_CONFIG_PASSPHRASE/)
  })

  it('writes namespaced config to Pulumi.<stack>.yaml and reads Pulumi.yaml defaults', async () => {
    const { dir, sim, state } = await project(
      'name: p\nruntime: python\nconfig:\n  resources:\n    type: integer\n    default: 7\n'
    )
    expect((await sim(['stack', 'init', 'dev'])).code).toBe(0)
    // 3.43.1 keeps the legacy layout, where a stack's name is not qualified.
    expect(state().checkpoint).toEqual({ stack: 'dev' })
    expect((await sim(['config', 'set', '--stack', 'dev', '--', 'latencyMs', '1'])).code).toBe(0)
    expect(await readFile(path.join(dir, 'Pulumi.dev.yaml'), 'utf8')).toMatch(
      /^encryptionsalt: .*\nconfig:\n {2}p:latencyMs: "1"\n$/
    )
    const up = await sim(UP)
    expect(up.code).toBe(0)
    expect(up.stdout).toContain('+ 8 created')
    expect(state().checkpoint.stack).toBe('dev')
    expect(state().checkpoint.latest!.resources!.map(r => r.type)).toEqual([
      'pulumi:pulumi:Stack',
      ...Array(7).fill('pulumi-python:dynamic:Resource')
    ])
  })

  it('reads a config value from stdin when none is given, and logs no secret', async () => {
    const { dir, sim, init, log } = await project()
    await init({ latencyMs: '0', resources: '1' })
    const secret = 'hunter2-from-stdin'
    const set = await sim(['config', 'set', '--stack', 'dev', '--', 'apiKey'], {
      input: `${secret}\n`
    })
    expect(set.code, set.stderr).toBe(0)
    await sim(['config', 'set', 'token', '--secret', '--stack', 'dev'], { input: 'two\nlines\n' })
    const file = await readFile(path.join(dir, 'Pulumi.dev.yaml'), 'utf8')
    // One trailing newline goes, as RemoveTrailingNewline does; --secret is not plain text.
    expect(file).toContain(`p:apiKey: "${secret}"\n`)
    expect(file).toMatch(/p:token:\n {4}secure: "v1:[A-Za-z0-9+/=]+"\n/)
    expect(file).not.toContain('lines')
    expect((await sim(UP)).code).toBe(0)
    expect(JSON.stringify(log())).not.toContain(secret)
  })

  it('refuses a plaintext value that looks like a secret, quoting it, unless told', async () => {
    const { dir, sim, init } = await project()
    await init({ latencyMs: '0' })
    const value = 'Xk9mQ2vL7pR4zT8w'
    const refused = await sim(['config', 'set', '--stack', 'dev', '--', 'dbPassword', value])
    expect(refused.code).toBe(255)
    expect(refused.stderr).toContain(
      `config value '${value}' looks like a secret; rerun with --secret`
    )
    // Only keys named like a secret are checked.
    expect((await sim(['config', 'set', '--stack', 'dev', '--', 'region', value])).code).toBe(0)
    const plain = await sim([
      'config',
      'set',
      '--plaintext',
      '--stack',
      'dev',
      '--',
      'dbPassword',
      value
    ])
    expect(plain.code, plain.stderr).toBe(0)
    expect(await readFile(path.join(dir, 'Pulumi.dev.yaml'), 'utf8')).toContain(
      `p:dbPassword: "${value}"`
    )
  })

  it('fails up on request, and will not remove a stack that has resources', async () => {
    const { sim, init } = await project('name: p\nruntime: nodejs\n')
    await init({ resources: '2', latencyMs: '0' })
    expect((await sim(UP)).code).toBe(0)

    const removal = await sim(['stack', 'rm', '--yes', '--stack', 'dev'])
    expect(removal.code).toBe(255)
    expect(removal.stderr).toBe(
      "error: 'dev' still has resources; removal rejected. Possible actions:\n" +
        "- Make sure that 'dev' is the stack that you want to destroy\n" +
        '- Run `pulumi destroy` to delete the resources, then run `pulumi stack rm`\n' +
        '- Run `pulumi stack rm --force` to override this error\n'
    )

    await sim(['config', 'set', 'failUp', 'true', '--stack', 'dev'])
    const failed = await sim(UP)
    expect(failed.code).toBe(255)
    expect(failed.stderr).toBe('error: update failed: p:failUp is set (simulated failure)\n')
  })

  it('fails up with failUpMessage, expanding ${env:NAME}, and logs only variable names', async () => {
    const { sim, init, log } = await project()
    await init({ latencyMs: '0', resources: '1', failUpMessage: 'denied: ${env:SIM_SECRET}!' })
    const env = {
      SIM_SECRET: 's3cr3t-value',
      INPUT_GITHUB_TOKEN: 'ghs_input',
      ACTIONS_RUNTIME_TOKEN: 'runtime',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token',
      MY_TOKEN_FILE: '/t',
      HARMLESS: 'x'
    }
    const failed = await sim(UP, { env })
    expect(failed.code).toBe(255)
    expect(failed.stderr).toBe('error: denied: s3cr3t-value!\n')
    const [entry] = log()
    expect(entry).toMatchObject({ command: 'up', outcome: 'failed', failed: true })
    expect(entry!['envKeys']).toEqual(
      expect.arrayContaining([
        'ACTIONS_ID_TOKEN_REQUEST_URL',
        'ACTIONS_RUNTIME_TOKEN',
        'INPUT_GITHUB_TOKEN',
        'MY_TOKEN_FILE'
      ])
    )
    expect(entry!['envKeys']).not.toContain('HARMLESS')
    expect(entry!['envKeys']).toEqual([...(entry!['envKeys'] as string[])].sort())
    for (const value of Object.values(env)) expect(JSON.stringify(log())).not.toContain(value)
  })

  it('rejects flags the real command does not take, and unconfirmed updates', async () => {
    const { sim, init } = await project('name: p\nruntime: nodejs\n')
    await init({ resources: '1', latencyMs: '0' })
    expect((await sim(['stack', 'init', 'x', '--parallel', '2'])).stderr).toMatch(
      /unknown flag for `pulumi stack init`: --parallel/
    )
    expect((await sim(['up', '--stack', 'dev'])).stderr).toBe(
      'error: --yes or --skip-preview must be passed in to proceed when running in non-interactive mode\n'
    )
    expect((await sim([...UP, '--parallel', '0'])).stderr).toMatch(/invalid argument "0"/)
    // --skip-preview alone confirms, as `yes = yes || skipPreview` in the real up.
    expect((await sim(['up', '--skip-preview', '--stack', 'dev'])).code).toBe(0)
  })

  it('exits with the exit-code taxonomy of releases from 3.226.0', async () => {
    const { sim, init } = await project()
    await init({ resources: '1', latencyMs: '0' }, 'taxonomy')
    const build = 'taxonomy'
    expect((await sim(['up', '--stack', 'dev'], { build })).code).toBe(2)
    expect((await sim([...UP.slice(0, -1), 'nope'], { build })).code).toBe(6)
    await sim(['config', 'set', 'failUp', 'true', '--stack', 'dev'], { build })
    expect((await sim(UP, { build })).code).toBe(1)
    expect((await sim([...UP.slice(0, -1), 'nope'])).code).toBe(255)
  })
})

describe('signals during an update', () => {
  it('cancels on the first ^C from 3.87: running creates finish and are saved, no new one starts', async () => {
    const { start, init, state, locks, backendDir, log } = await project()
    await init({ resources: '6', latencyMs: '1000' }, 'providersKept')
    const result = await interruptedUp(start, 'SIGINT', 'providersKept')

    expect(result.code).toBe(255)
    expect(result.stdout).toMatch(/Diagnostics:\n.*\n {4}error: update canceled\n/)
    // 3.43.1 built the "^C received" event but never sent it to the display.
    expect(result.stdout).not.toContain('received')
    expect(result.stdout.match(/sleep-\d+ creating/g)).toHaveLength(2)
    const latest = state().checkpoint.latest!
    expect(ids(latest.resources)).toHaveLength(2)
    expect(latest.pending_operations).toBeUndefined()
    expect(ids(latest.resources)).toEqual(readSimCloud(backendDir).map(r => r.id))
    expect(locks()).toEqual([])
    expect(log().at(-1)).toMatchObject({ outcome: 'cancelled', created: 3, resourcesAfter: 3 })
  })

  it("kills the providers on the first ^C before 3.87: the creates in flight fail, even a dynamic provider's", async () => {
    const { start, init, state, locks, backendDir, log } = await project()
    await init({ resources: '6', latencyMs: '1000' })
    const result = await interruptedUp(start, 'SIGINT')

    expect(result.code).toBe(255)
    expect(result.stdout.match(/sleep-\d+ \*\*creating failed\*\*/g)).toHaveLength(2)
    expect(result.stdout).toMatch(/Diagnostics:\n[^]* {4}error: update failed\n/)
    const latest = state().checkpoint.latest!
    expect(ids(latest.resources)).toEqual([])
    expect(latest.pending_operations).toBeUndefined()
    expect(readSimCloud(backendDir)).toEqual([])
    expect(locks()).toEqual([])
    expect(log().at(-1)).toMatchObject({ outcome: 'failed', created: 1, resourcesAfter: 1 })
  })

  it('loses a resource that exists, not yet ready, when ^C kills the providers before 3.87', async () => {
    const recorded: Record<string, number> = {}
    for (const build of ['seed', 'providersKept']) {
      const { dir, start, init, state, backendDir } = await project()
      await writeFile(path.join(dir, '__main__.py'), PLUGIN_PROGRAM)
      await init({ resources: '2', latencyMs: '0', readyMs: '5000' }, build)
      const result = await interruptedUp(start, 'SIGINT', build)

      expect(result.stdout).toMatch(/error: update failed/)
      expect(readSimCloud(backendDir)).toHaveLength(2)
      const resources = state().checkpoint.latest!.resources ?? []
      recorded[build] = resources.filter(r => r.type === 'perfgate:index:Sleep').length
    }
    // 3.43.1 saves neither; 3.87.0 saves both, from the provider's partial failure.
    expect(recorded).toEqual({ seed: 0, providersKept: 2 })
  })

  it('cancels on SIGTERM from 3.136.0, and says so from 3.139.0; deletes in flight finish', async () => {
    const { start, sim, init, state, backendDir } = await project()
    await init({ resources: '5', latencyMs: '10' }, 'sigterm')
    expect((await sim(UP, { build: 'sigterm' })).code).toBe(0)
    await sim(['config', 'set', 'latencyMs', '2000', '--stack', 'dev'])
    const destroy = start([...DESTROY, '--parallel', '2'], { build: 'sigterm' })
    await destroy.waitFor(DELETING, 2)
    destroy.kill('SIGTERM')
    const result = await destroy.finished

    expect(result.code).toBe(255)
    expect(result.stdout).toContain(
      'SIGTERM received; cancelling. If you would like to terminate immediately, send SIGTERM again.\n' +
        'Note that terminating immediately may lead to orphaned resources and other inconsistencies.\n'
    )
    expect(result.stdout).toContain('error: update canceled')
    expect(result.stdout.match(/sleep-\d+ deleted/g)).toHaveLength(2)
    const latest = state().checkpoint.latest!
    expect(ids(latest.resources)).toHaveLength(3)
    expect(latest.pending_operations).toBeUndefined()
    expect(readSimCloud(backendDir).map(r => r.id)).toEqual(ids(latest.resources))
  })

  it('dies at once on SIGTERM before 3.136.0, leaving pending creates and its lock', async () => {
    const { start, init, state, locks, backendDir } = await project()
    await init({ resources: '3', latencyMs: '3000' })
    const up = start(UP)
    await up.waitFor(CREATING, 3)
    up.kill('SIGTERM')
    const result = await up.finished

    expect(result.signal).toBe('SIGTERM')
    const pending = state().checkpoint.latest!.pending_operations!
    expect(pending.map(op => op.type)).toEqual(['creating', 'creating', 'creating'])
    expect(locks()).toHaveLength(1)
    expect(readSimCloud(backendDir)).toHaveLength(3)
  })

  it.sequential(
    'terminates on a second signal: in-flight operations stay pending, the lock goes',
    async () => {
      const { start, init, state, locks, backendDir } = await project()
      await init({ resources: '6', latencyMs: '5000' }, 'taxonomy')
      const up = start([...UP, '--parallel', '2'], { build: 'taxonomy' })
      await up.waitFor(CREATING, 2)
      const started = Date.now()
      up.kill('SIGINT')
      await up.waitFor(/press \^C again/)
      up.kill('SIGINT')
      const result = await up.finished

      expect(Date.now() - started).toBeLessThan(4000)
      expect(result.stdout).toContain('^C received; terminating')
      expect(result.stderr).toBe('error: update cancelled\n')
      expect(result.code).toBe(8)
      const latest = state().checkpoint.latest!
      expect(latest.pending_operations).toEqual([
        {
          resource: expect.objectContaining({ urn: expect.stringMatching(/sleep-000$/) }),
          type: 'creating'
        },
        {
          resource: expect.objectContaining({ urn: expect.stringMatching(/sleep-001$/) }),
          type: 'creating'
        }
      ])
      expect(latest.pending_operations![0]!.resource).not.toHaveProperty('id')
      expect(ids(latest.resources)).toEqual([])
      expect(locks()).toEqual([])
      // The provider calls were sent: both resources exist, the state does not know their ids.
      expect(readSimCloud(backendDir).map(r => r.urn)).toEqual(
        latest.pending_operations!.map(op => op.resource.urn)
      )
    }
  )

  it('after SIGKILL: stale lock, pending creates carried on, and a leak once the stack is gone', async () => {
    const { start, sim, init, state, locks, backendDir, log } = await project()
    await init({ resources: '3', latencyMs: '3000' })
    const up = start(UP)
    await up.waitFor(CREATING, 3)
    up.kill('SIGKILL')
    expect((await up.finished).signal).toBe('SIGKILL')
    const leaked = readSimCloud(backendDir).map(r => r.id)
    expect(leaked).toHaveLength(3)

    // The lock file, laid out and filled as the real DIY backend does.
    const [lock] = locks()
    expect(path.basename(lock!)).toMatch(/^[0-9a-f-]{36}\.json$/)
    expect(JSON.parse(readFileSync(lock!, 'utf8'))).toMatchObject({
      pid: up.pid,
      username: os.userInfo().username,
      hostname: os.hostname()
    })
    await sim(['config', 'set', 'latencyMs', '1', '--stack', 'dev'])
    const locked = await sim(UP)
    expect(locked.code).toBe(255)
    expect(locked.stderr).toMatch(
      new RegExp(
        '^error: the stack is currently locked by 1 lock\\(s\\)\\. Either wait for the other ' +
          'process\\(es\\) to end or delete the lock file with `pulumi cancel`\\.\n' +
          `  file://${backendDir}/\\.pulumi/locks/dev/${path.basename(lock!)}: ` +
          `created by .+@.+ \\(pid ${up.pid}\\) at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\n$`
      )
    )
    expect((await sim(DESTROY)).stderr).toMatch(/currently locked/)
    expect((await sim(REFRESH)).stderr).toMatch(/currently locked/)
    expect((await sim(['stack', 'rm', '--yes', '--force', '--stack', 'dev'])).stderr).toMatch(
      /currently locked/
    )
    // Reading commands take no lock.
    expect((await sim(PREVIEW)).code).toBe(0)
    const exported = await sim(['stack', 'export', '--stack', 'dev'])
    expect(JSON.parse(exported.stdout).deployment.pending_operations).toHaveLength(3)

    const cancel = await sim(['cancel', '--yes', '--stack', 'dev'])
    expect(cancel.stdout).toBe("The currently running update for 'dev' has been canceled!\n")
    expect(locks()).toEqual([])

    // The next up warns, creates the resources again and keeps the pending creates.
    const again = await sim(UP)
    expect(again.code).toBe(0)
    expect(again.stdout).toContain(
      'warning: Attempting to deploy or update resources with 3 pending operations from previous deployment.\n' +
        '      * urn:pulumi:dev::p::pulumi-python:dynamic:Resource::sleep-000, interrupted while creating\n'
    )
    expect(readSimCloud(backendDir)).toHaveLength(6)
    expect(state().checkpoint.latest!.pending_operations).toHaveLength(3)

    // Destroy deletes what the state knows; the pending creates stay, and so do their resources.
    const destroyed = await sim(DESTROY)
    expect(destroyed.stdout).toContain('with 3 pending operations')
    expect(state().checkpoint.latest!.resources).toBeUndefined()
    expect(state().checkpoint.latest!.pending_operations).toHaveLength(3)
    expect(readSimCloud(backendDir).map(r => r.id)).toEqual(leaked)

    // stack rm looks at resources only: the stack goes, the leak stays in the cloud.
    expect((await sim(['stack', 'rm', '--yes', '--stack', 'dev'])).code).toBe(0)
    expect(existsSync(path.join(backendDir, '.pulumi', 'stacks', 'p', 'dev.json'))).toBe(false)
    expect(readSimCloud(backendDir, 'dev').map(r => r.id)).toEqual(leaked)
    expect(log()[0]).toMatchObject({ command: 'up', outcome: 'locked' })
    expect(log().at(-1)).toMatchObject({
      command: 'destroy',
      resourcesBefore: 4,
      resourcesAfter: 0,
      pendingOperationsBefore: 3,
      pendingOperationsAfter: 3
    })
    expect(log().map(entry => entry['command'])).toEqual([
      'up',
      'destroy',
      'refresh',
      'preview',
      'export',
      'cancel',
      'up',
      'destroy'
    ])
  })

  it('holds the lock while it runs; pulumi cancel takes it away without stopping the run', async () => {
    const { start, sim, init, locks, log } = await project()
    await init({ resources: '2', latencyMs: '1500' })
    const up = start(UP)
    await up.waitFor(CREATING, 2)
    const destroy = await sim(DESTROY)
    expect(destroy.stderr).toContain(`(pid ${up.pid})`)
    expect((await sim(PREVIEW)).code).toBe(0)
    expect((await sim(['cancel', '--yes', '--stack', 'dev'])).code).toBe(0)
    expect(locks()).toEqual([])
    const result = await up.finished
    // The update carries on; its own unlock then finds no lock file, as the real one reports.
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(
      /^error: there was a problem deleting the lock at file:.*manual clean up/
    )
    expect(log().map(entry => `${String(entry['command'])} ${String(entry['outcome'])}`)).toEqual([
      'destroy locked',
      'preview succeeded',
      'cancel succeeded',
      'up succeeded'
    ])
  })

  it('cancels a preview during the program start, with no lock to release', async () => {
    const { start, init, locks, log } = await project()
    await init({ resources: '2', latencyMs: '10' }, 'slowStart')
    const preview = start(PREVIEW, { build: 'slowStart' })
    await preview.waitFor(/Previewing update \(dev\):/)
    preview.kill('SIGINT')
    const result = await preview.finished
    expect(result.code).toBe(255)
    expect(result.stdout).toContain('error: preview canceled')
    expect(locks()).toEqual([])
    expect(log()[0]).toMatchObject({ command: 'preview', outcome: 'cancelled' })
    expect(log()[0]!['durationMs']).toBeLessThan(400)
  })

  it('refresh --clear-pending-creates drops pending creates; a plain refresh keeps them', async () => {
    const { start, sim, init, state } = await project()
    await init({ resources: '2', latencyMs: '3000' })
    const up = start(UP)
    await up.waitFor(CREATING, 2)
    up.kill('SIGKILL')
    await up.finished
    await sim(['cancel', '--stack', 'dev', '--non-interactive'])
    expect((await sim(REFRESH)).code).toBe(0)
    expect(state().checkpoint.latest!.pending_operations).toHaveLength(2)
    expect((await sim([...REFRESH, '--clear-pending-creates'])).code).toBe(0)
    expect(state().checkpoint.latest!.pending_operations).toBeUndefined()
  })
})

describe('phases', { concurrent: true }, () => {
  it('preview, a no-op up, refresh and destroy each do their own work', async () => {
    const { dir, sim, init, state, backendDir, log, locks } = await project()
    // A Python program on a provider plugin: only its registrations pass the executor.
    await writeFile(path.join(dir, '__main__.py'), PLUGIN_PROGRAM)
    await init({ resources: '8', latencyMs: '200' }, 'capped')
    expect((await sim(UP, { build: 'capped' })).code).toBe(0)
    const deployed = state().checkpoint.latest!

    // Preview: runs the program, diffs every resource through the runtime's cap, changes nothing.
    const preview = await sim(PREVIEW, { build: 'capped' })
    expect(preview.stdout).toMatch(/^Previewing update \(dev\):\n[^]*Resources:\n {4}9 unchanged\n/)
    expect(state().checkpoint.latest).toEqual(deployed)

    // A no-op up: nothing created, the checkpoint written again.
    const update = await sim(UP, { build: 'capped' })
    expect(update.stdout).not.toContain('creating')
    expect(state().checkpoint.latest!.manifest.time).not.toBe(deployed.manifest.time)
    expect(ids(state().checkpoint.latest!.resources)).toEqual(ids(deployed.resources))

    // Refresh reads every resource at once (the engine's, not the runtime's, parallelism)
    // and drops one the cloud no longer has.
    const [gone] = readSimCloud(backendDir)
    rmSync(path.join(backendDir, '.pulumi-sim-cloud', 'p', 'dev', `${gone!.id}.json`))
    const refresh = await sim(REFRESH, { build: 'capped' })
    expect(refresh.stdout).toContain(`${gone!.urn.split('::').at(-1)} deleted`)
    expect(ids(state().checkpoint.latest!.resources)).not.toContain(gone!.id)

    // Destroy, limited by --parallel only.
    const destroy = await sim([...DESTROY, '--parallel', '3'], { build: 'capped' })
    expect(destroy.stdout).toContain('- 8 deleted')
    expect(readSimCloud(backendDir)).toEqual([])
    expect(locks()).toEqual([])

    const entries = log()
    expect(entries.map(entry => entry['command'])).toEqual([
      'up',
      'preview',
      'up',
      'refresh',
      'destroy'
    ])
    const [, previewed, updated, refreshed, destroyed] = entries
    expect(previewed).toMatchObject({ same: 9, toCreate: 0, workers: 5, peakConcurrency: 5 })
    // The stack, the provider's default provider resource and 8 Sleeps.
    expect(updated).toMatchObject({ created: 0, same: 8, resourcesAfter: 10, peakConcurrency: 5 })
    expect(refreshed).toMatchObject({ read: 8, deleted: 1, workers: null, peakConcurrency: 8 })
    expect(destroyed).toMatchObject({ deleted: 8, workers: 3, peakConcurrency: 3 })
    // Relative costs: diffs (0.05) < reads (0.25) < deletes (0.5) < creates (1).
    const ms = (entry: Record<string, unknown> | undefined) => entry!['durationMs'] as number
    expect(ms(previewed)).toBeGreaterThanOrEqual(2 * 10)
    expect(ms(refreshed)).toBeGreaterThanOrEqual(50)
    expect(ms(destroyed)).toBeGreaterThanOrEqual(3 * 100)
    expect(ms(entries[0])).toBeGreaterThanOrEqual(2 * 200)
  })

  it.sequential(
    'phaseFactors slow one phase of a build, programStartMs the phases that run the program',
    async () => {
      const timings = async (build: string) => {
        const { sim, init, log } = await project()
        await init({ resources: '4', latencyMs: '1000' }, build)
        for (const args of [UP, PREVIEW, REFRESH, DESTROY]) {
          expect((await sim(args, { build })).code).toBe(0)
        }
        return new Map(log().map(entry => [entry['command'], entry['durationMs'] as number]))
      }
      const [fixed, slowDestroy, slowStart] = await Promise.all(
        ['fixed', 'slowDestroy', 'slowStart'].map(timings)
      )
      expect(fixed!.get('destroy')).toBeGreaterThanOrEqual(500)
      expect(slowDestroy!.get('destroy')).toBeGreaterThanOrEqual(1000)
      expect(slowDestroy!.get('destroy')! / fixed!.get('destroy')!).toBeGreaterThan(1.6)
      expect(slowDestroy!.get('up')! / fixed!.get('up')!).toBeLessThan(1.3)

      expect(slowStart!.get('up')).toBeGreaterThanOrEqual(1400)
      expect(slowStart!.get('preview')).toBeGreaterThanOrEqual(450)
      expect(slowStart!.get('refresh')).toBeLessThan(400)
    }
  )
})

describe('stack commands', { concurrent: true }, () => {
  it('stack ls --json: updateInProgress until 3.91.1, resourceCount once deployed', async () => {
    const { sim, init } = await project()
    await init({ resources: '1', latencyMs: '0' })
    await sim(['stack', 'init', 'other'])
    expect((await sim(UP)).code).toBe(0)
    const old = JSON.parse((await sim(['stack', 'ls', '--json'])).stdout)
    expect(old).toEqual([
      {
        name: 'dev',
        current: false,
        lastUpdate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        updateInProgress: false,
        resourceCount: 2
      },
      { name: 'other', current: true, updateInProgress: false }
    ])
    const listed = await sim(['stack', 'ls', '--json'], { build: 'fixed' })
    expect(listed.stdout).toMatch(/^\[\n {2}\{\n {4}"name": "dev",/)
    const current = JSON.parse((await sim(['stack', 'ls', '--json'], { build: 'loneRoot' })).stdout)
    expect(current[0]).not.toHaveProperty('updateInProgress')
    expect(current[1]).toEqual({ name: 'other', current: true })
  })

  it('stack rm accepts a lone root stack resource from 3.178.0', async () => {
    const { sim, init } = await project()
    await init({ resources: '0', latencyMs: '0' })
    expect((await sim(UP)).code).toBe(0)
    const refused = await sim(['stack', 'rm', '--yes', '--stack', 'dev'])
    expect(refused.stderr).toMatch(/^error: 'dev' still has resources; removal rejected/)
    const removed = await sim(['stack', 'rm', '--yes', '--stack', 'dev'], { build: 'loneRoot' })
    expect(removed.stdout).toBe("Stack 'dev' has been removed!\n")
  })

  it('stack export prints the version 3 deployment, even of a stack never updated', async () => {
    const { sim, init, state, dir } = await project()
    await init({ resources: '2', latencyMs: '0' })
    expect((await sim(['stack', 'export', '--stack', 'dev'])).stdout).toBe(
      '{\n    "version": 3,\n    "deployment": null\n}\n'
    )
    await sim(UP)
    const exported = await sim(['stack', 'export', '--stack', 'dev'])
    expect(JSON.parse(exported.stdout)).toEqual({
      version: 3,
      deployment: state().checkpoint.latest
    })
    await sim(['stack', 'export', '--stack', 'dev', '--file', 'state.json'])
    expect(await readFile(path.join(dir, 'state.json'), 'utf8')).toBe(exported.stdout)
  })
})

describe('what changed between real releases', { concurrent: true }, () => {
  /** The backend's files that make its layout, relative to it. */
  const layout = (backendDir: string) =>
    readdirSync(path.join(backendDir, '.pulumi'), { recursive: true, withFileTypes: true })
      .filter(entry => entry.isFile() && !entry.name.startsWith('sim-'))
      .map(entry => path.relative(backendDir, path.join(entry.parentPath, entry.name)))
      .sort()

  it('lays out a new backend by version, and keeps one holding legacy stacks legacy', async () => {
    const old = await project()
    expect((await old.sim(['stack', 'init', 'a'])).code).toBe(0)
    expect(layout(old.backendDir)).toEqual(['.pulumi/stacks/a.json'])
    const fresh = await project()
    const build = 'projectLayout'
    expect((await fresh.sim(['stack', 'init', 'a'], { build })).code).toBe(0)
    expect(layout(fresh.backendDir)).toEqual(['.pulumi/meta.yaml', '.pulumi/stacks/p/a.json'])
    expect(readFileSync(path.join(fresh.backendDir, '.pulumi', 'meta.yaml'), 'utf8')).toBe(
      'version: 1\n'
    )

    expect((await old.sim(['stack', 'init', 'b'], { build })).code).toBe(0)
    expect(layout(old.backendDir)).toEqual(['.pulumi/stacks/a.json', '.pulumi/stacks/b.json'])
  })

  it('warns on a legacy backend from 3.228.0 and refuses it from 3.257.0 unless told', async () => {
    const { sim } = await project()
    expect((await sim(['stack', 'init', 'a'])).code).toBe(0)

    const warned = await sim(['stack', 'init', 'b'], { build: 'legacyWarning' })
    expect(warned.code).toBe(0)
    expect(warned.stderr).toMatch(/^warning: \n=+\nLegacy DIY state is deprecated/)
    const quiet = { PULUMI_DIY_BACKEND_IGNORE_DEPRECATION_WARNING: 'true' }
    const unwarned = await sim(['stack', 'ls'], { build: 'legacyWarning', env: quiet })
    expect(unwarned.stderr).toBe('')

    const refused = await sim(['stack', 'init', 'c'], { build: 'legacyError' })
    expect(refused.code).toBe(1)
    // The error's text starts with a newline: its first line is a bare `error: `.
    expect(refused.stderr.split('\n').slice(0, 3)).toEqual([
      'error: ',
      '='.repeat(80),
      'Legacy DIY state is deprecated, please upgrade your state to project mode using:'
    ])
    expect(refused.stderr).toContain('Set PULUMI_DIY_BACKEND_IGNORE_DEPRECATION_ERROR=1')
    const allowed = { PULUMI_DIY_BACKEND_IGNORE_DEPRECATION_ERROR: '1' }
    const accepted = await sim(['stack', 'init', 'c'], { build: 'legacyError', env: allowed })
    expect(accepted).toMatchObject({ code: 0, stderr: '' })
  })

  it('limits creates at once by runtime, provider, version and CPUs', async () => {
    const peak = async (build: string, main: string | null, env: NodeJS.ProcessEnv = {}) => {
      const { dir, sim, init, log } = await project()
      if (main !== null) await writeFile(path.join(dir, '__main__.py'), main)
      await init({ resources: '12', latencyMs: '150' }, build)
      expect((await sim(UP, { build, env })).code).toBe(0)
      const [up] = log()
      return [up!['workers'], up!['peakConcurrency']]
    }
    // Each on a project of its own, all at once.
    const peaks = await Promise.all([
      // A Python dynamic provider serves 4 calls at once in every version.
      peak('seed', null),
      peak('fixed', null),
      // A provider plugin: Python's default executor, min(32, CPUs + 4), until 3.44.0.
      peak('capped', PLUGIN_PROGRAM),
      peak('fixed', PLUGIN_PROGRAM),
      // From 3.100.0 --parallel defaults to 4 × CPUs; from 3.154.0 PULUMI_PARALLEL sets it.
      peak('cpuParallel', PLUGIN_PROGRAM),
      peak('parallelEnv', PLUGIN_PROGRAM, { PULUMI_PARALLEL: '3' }),
      peak('cpuParallel', PLUGIN_PROGRAM, { PULUMI_PARALLEL: '3' })
    ])
    expect(peaks).toEqual([
      [4, 4],
      [4, 4],
      [5, 5],
      [null, 12],
      [8, 8],
      [3, 3],
      [8, 8]
    ])
  })

  it('fails the creates in flight on ^C when the provider plugin aborts them', async () => {
    const { dir, start, init, state, locks, backendDir, log } = await project()
    await writeFile(path.join(dir, '__main__.py'), PLUGIN_PROGRAM)
    await init({ resources: '6', latencyMs: '5000' })
    const result = await interruptedUp(start, 'SIGINT')

    expect(result.code).toBe(255)
    expect(result.stdout).toMatch(/\*\*creating failed\*\* error: .*cancelled by the engine/)
    expect(result.stdout).toMatch(/Diagnostics:\n[^]* {4}error: update failed\n/)
    const latest = state().checkpoint.latest!
    expect(latest.resources!.map(r => r.type)).toEqual([
      'pulumi:pulumi:Stack',
      'pulumi:providers:perfgate'
    ])
    expect(latest.pending_operations).toBeUndefined()
    expect(readSimCloud(backendDir)).toEqual([])
    expect(locks()).toEqual([])
    expect(log()[0]).toMatchObject({ outcome: 'failed', created: 1 })
  })
})
