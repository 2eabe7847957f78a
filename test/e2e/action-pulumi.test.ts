/**
 * The bundled action in Pulumi mode: simulated Pulumi releases served on loopback,
 * installed into the job's own tool cache, and the post step cleaning up after a
 * main step killed outright.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { markdownHeadline } from '../../src/report/markdown'
import {
  ActionHarness,
  readResults,
  workflowCommands,
  type RunningStep
} from '../helpers/action-runner'
import { fixturePath } from '../helpers/experiments'
import type { GitHubServer } from '../helpers/github-server'
import { buildReleases, serveReleases, type ReleaseServer } from '../helpers/pulumi-releases'

const TOKEN = 'ghs_e2ePulumiToken0123456789abcdefABCD'
const PROJECT = 'sleep-python'

interface SimLogEntry {
  command: 'up' | 'destroy'
  version: string
  stack: string
  resourcesAfter?: number
  peakConcurrency?: number
}

/** A simulated local backend, read from the `file://` URL the action used. */
class SimBackend {
  readonly dir: string

  constructor(url: string) {
    this.dir = join(fileURLToPath(url), '.pulumi')
  }

  stacks(): string[] {
    const folder = join(this.dir, 'stacks', PROJECT)
    return existsSync(folder) ? readdirSync(folder).filter(name => name.endsWith('.json')) : []
  }

  log(): SimLogEntry[] {
    const file = join(this.dir, 'sim-log.jsonl')
    if (!existsSync(file)) return []
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map(line => JSON.parse(line) as SimLogEntry)
  }

  /** The resources each stack holds by its log: what its last up or destroy left. */
  resourcesLeft(): Map<string, number> {
    return new Map(this.log().map(entry => [entry.stack, entry.resourcesAfter ?? 0]))
  }
}

interface SavedStacks {
  stacks: Array<{ stack: string; backendUrl: string }>
}

let harness: ActionHarness
let github: GitHubServer
let work: string
let releases: ReleaseServer

beforeAll(async () => {
  harness = await ActionHarness.start(TOKEN)
  github = harness.github
  work = mkdtempSync(join(tmpdir(), 'ppg-pulumi-e2e-'))
  await buildReleases(join(work, 'releases'))
  releases = await serveReleases(join(work, 'releases'))
})
afterEach(() => harness.resetGitHub())
afterAll(async () => {
  await harness.close()
  await releases.close()
  rmSync(work, { recursive: true, force: true })
})

/** A fresh copy of the program: `pulumi config set` writes next to its Pulumi.yaml. */
function programCopy(): string {
  const program = mkdtempSync(join(work, 'program-'))
  cpSync(fixturePath('programs', PROJECT), program, { recursive: true })
  return program
}

function pulumiInputs(extra: Record<string, string>): Record<string, string> {
  return {
    program: programCopy(),
    'baseline-version': '3.43.1',
    'candidate-version': '3.44.3',
    'pulumi-download-url': releases.url,
    looks: '1',
    ...extra
  }
}

async function waitFor(what: string, ready: () => boolean, step: RunningStep): Promise<void> {
  for (const deadline = Date.now() + 45_000; !ready(); await sleep(50)) {
    if (Date.now() > deadline || step.child.exitCode !== null) {
      throw new Error(`gave up waiting until ${what}:\n${step.stdout()}`)
    }
  }
}

describe('the bundled action in Pulumi mode', () => {
  it('installs both versions, measures them, comments and removes its stacks', async () => {
    const backendUrl = pathToFileURL(mkdtempSync(join(work, 'backend-'))).href
    const job = harness.job(
      pulumiInputs({
        config: 'resources: 40\nlatencyMs: 100',
        samples: '6',
        warmup: '0',
        'backend-url': backendUrl
      })
    )
    const step = await job.run('index')
    expect(step.exitCode, step.stdout + step.stderr).toBe(0)
    const results = readResults(step)
    expect(results.comparison.verdict).toBe('improvement')
    expect(results.results.map(result => result.version)).toEqual(['3.43.1', '3.44.3'])
    expect(github.comments).toHaveLength(1)
    expect(github.comments[0]!.body).toContain(`## ${markdownHeadline(results)}`)
    expect(readdirSync(join(job.toolCache, 'pulumi')).sort()).toEqual(['3.43.1', '3.44.3'])

    // Each group ran its own CLI: 3.43.1 creates at most 20 resources at once.
    const backend = new SimBackend(backendUrl)
    const ups = backend.log().filter(entry => entry.command === 'up')
    const peaks = new Set(ups.map(entry => `${entry.version}: ${entry.peakConcurrency}`))
    expect([...peaks].sort()).toEqual(['3.43.1: 20', '3.44.3: 40'])
    expect(backend.stacks()).toEqual([])
    expect((JSON.parse(step.state.stacks!) as SavedStacks).stacks).toEqual([])
  })

  it('post step removes the stacks of a main step killed mid-benchmark', async () => {
    const job = harness.job(
      pulumiInputs({ config: 'resources: 40\nlatencyMs: 200', samples: '20', warmup: '0' })
    )
    const main = job.start('index')
    const saved = () => JSON.parse(main.state().stacks ?? '{"stacks": []}') as SavedStacks
    await waitFor('both stacks are saved', () => saved().stacks.length === 2, main)
    const backend = new SimBackend(saved().stacks[0]!.backendUrl)
    const sampled = () => backend.log().some(entry => entry.command === 'up')
    await waitFor('a timed sample has run', sampled, main)
    main.killTree()
    const killed = await main.finished
    expect(killed.signal).toBe('SIGKILL')
    const stacks = saved().stacks.map(ref => ref.stack)
    expect(backend.stacks().sort()).toEqual(stacks.map(stack => `${stack}.json`).sort())
    expect([...backend.resourcesLeft().values()].some(count => count > 0)).toBe(true)
    const logged = backend.log().length

    const post = await job.run('post', killed.state)
    expect(post.exitCode, post.stdout + post.stderr).toBe(0)
    expect(workflowCommands(post.stdout, 'warning')).toEqual([])
    expect(post.stdout).toContain('Removing 2 stack(s)')
    // The post step destroyed each stack through the CLI, then removed it.
    const destroyed = backend.log().slice(logged)
    expect(destroyed.map(entry => `${entry.command} ${entry.stack}`).sort()).toEqual(
      stacks.map(stack => `destroy ${stack}`).sort()
    )
    expect(backend.stacks()).toEqual([])
    for (const stack of stacks) expect(backend.resourcesLeft().get(stack), stack).toBe(0)
  })
})
