/**
 * The bundled action in Pulumi mode: simulated Pulumi releases served on loopback,
 * installed into the job's own tool cache. What happens when the job is cancelled or
 * the main step killed is in action-cancel.test.ts.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { markdownHeadline } from '../../src/export/markdown/markdown'
import { useActionHarness, useServedReleases } from '../helpers/file-setup'
import { ActionHarness, readResults, workflowCommands } from '../helpers/action-runner'
import { fixturePath } from '../helpers/experiments'
import type { GitHubServer } from '../helpers/github-server'
import { type ReleaseServer } from '../helpers/pulumi-releases'
import { PYTHON_EXECUTOR } from '../helpers/pulumi-run'

const TOKEN = 'ghs_e2ePulumiToken0123456789abcdefABCD'
/**
 * The seed's program shape: Python resources served by a provider plugin, on which 3.44.0's
 * fix shows on real Pulumi too (test/real/seed.test.ts).
 */
const PROJECT = 'provider-sleep-python'
/** sleep-python's resources go through a Python dynamic provider, 4 at a time in every version. */
const DYNAMIC_PROJECT = 'sleep-python'

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

  /** Stack checkpoints: 3.43.1 and 3.44.3 keep a backend in the legacy layout, no project folder. */
  stacks(): string[] {
    const folder = join(this.dir, 'stacks')
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

useActionHarness(TOKEN, started => {
  harness = started
  github = started.github
})
useServedReleases('ppg-pulumi-e2e-', served => {
  work = served.work
  releases = served.releases
})

/** A fresh copy of a program: `pulumi config set` writes next to its Pulumi.yaml. */
function programCopy(project: string): string {
  const program = mkdtempSync(join(work, 'program-'))
  cpSync(fixturePath('programs', project), program, { recursive: true })
  return program
}

function pulumiInputs(extra: Record<string, string>, project = PROJECT): Record<string, string> {
  return {
    program: programCopy(project),
    'baseline-version': '3.43.1',
    'candidate-version': '3.44.3',
    'pulumi-download-url': releases.url,
    looks: '1',
    ...extra
  }
}

describe('the bundled action in Pulumi mode', () => {
  it('installs both versions, measures them, comments and removes its stacks', async () => {
    const backendUrl = pathToFileURL(mkdtempSync(join(work, 'backend-'))).href
    const job = harness.job(
      pulumiInputs({
        // 30 creates in batches of CPUs + 4 (6 on 2 CPUs) against one batch; cheap deletes,
        // so the untimed destroy before each sample costs little.
        config: 'resources: 30\nlatencyMs: 100\ndeleteFactor: 0.1',
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
    // warmup 0: the log and the report say what a first `up` does that the others do not.
    expect(workflowCommands(step.stdout, 'warning')).toContainEqual(
      expect.stringMatching(/^warmup is 0: the first `pulumi up` of each group/)
    )
    // Other warnings (an outlier on a busy machine) may come first.
    expect(results.comparison.warnings).toContainEqual(
      expect.stringMatching(/^warmup is 0: .*resource plugins/)
    )
    expect(readdirSync(join(job.toolCache, 'pulumi')).sort()).toEqual(['3.43.1', '3.44.3'])

    // Each group ran its own CLI: 3.43.1 creates as many at once as Python's executor has threads.
    const backend = new SimBackend(backendUrl)
    const ups = backend.log().filter(entry => entry.command === 'up')
    const peaks = new Set(ups.map(entry => `${entry.version}: ${entry.peakConcurrency}`))
    expect([...peaks].sort()).toEqual([`3.43.1: ${PYTHON_EXECUTOR}`, '3.44.3: 30'])
    expect(backend.stacks()).toEqual([])
    expect((JSON.parse(step.state.stacks!) as SavedStacks).stacks).toEqual([])
  })

  it('finds no change on a Python dynamic provider, whose 4 workers cap both versions', async () => {
    const backendUrl = pathToFileURL(mkdtempSync(join(work, 'backend-'))).href
    const job = harness.job(
      pulumiInputs(
        {
          // Ten rounds of 4 in both versions (a simulator with 3.43.1's executor as the only
          // cap showed it twice as slow); a 25% margin that a loaded machine's noise (load
          // 15 on 2 cores) stays inside and a twofold slowdown does not. Cheap deletes.
          config: 'resources: 40\nlatencyMs: 50\ndeleteFactor: 0.2',
          samples: '12',
          looks: '9',
          threshold: '25%',
          warmup: '0',
          'backend-url': backendUrl
        },
        DYNAMIC_PROJECT
      )
    )
    const step = await job.run('index')
    expect(step.exitCode, step.stdout + step.stderr).toBe(0)
    expect(readResults(step).comparison.verdict).toBe('unchanged')
    const ups = new SimBackend(backendUrl).log().filter(entry => entry.command === 'up')
    const peaks = new Set(ups.map(entry => `${entry.version}: ${entry.peakConcurrency}`))
    expect([...peaks].sort()).toEqual(['3.43.1: 4', '3.44.3: 4'])
  }, 180_000)
})
