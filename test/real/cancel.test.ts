/**
 * Cancellation and kills on the real CLIs, with the bundled action. Real Pulumi starts its
 * language host and providers in process groups of their own, so a kill of Pulumi's group
 * leaves them running unless the run finds them another way (src/bench/process/tracking.ts).
 * Each create of the test provider writes a file and each delete removes it, so a
 * resource left behind is a file left in the program's `live-resources`.
 */
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SEED_BASELINE, SEED_CANDIDATE } from '../../scripts/real-pulumi/versions'
import { useActionHarness, useRealWorld } from '../helpers/file-setup'
import type { ActionHarness, ActionJob } from '../helpers/action-runner'
import { cancelLikeTheRunner, waitUntil } from '../helpers/cancel-scenarios'
import { processesMentioning, realRunArgs, startBundledCli } from '../helpers/real-pulumi'

const real = useRealWorld()

let harness: ActionHarness

useActionHarness('ghs_realCancelToken0123456789abcdefABCDE', started => (harness = started))

function job(inputs: Record<string, string>): ActionJob {
  return harness.job(
    {
      program: real.world.program,
      'baseline-version': SEED_BASELINE,
      'candidate-version': SEED_CANDIDATE,
      'pulumi-download-url': real.releases.url,
      'results-file': real.world.resultsFile,
      warmup: '0',
      looks: '1',
      ...inputs
    },
    { env: { PATH: real.world.env['PATH']!, PULUMI_HOME: real.world.env['PULUMI_HOME']! } }
  )
}

/** The bundled command line's `run` of the seed's two versions, 4 samples, no warmup. */
function seedRun(flags: Record<string, string>): ReturnType<typeof startBundledCli> {
  return startBundledCli(
    realRunArgs(real.world, real.releases.url, {
      'baseline-version': SEED_BASELINE,
      'candidate-version': SEED_CANDIDATE,
      samples: '4',
      warmup: '0',
      looks: '1',
      ...flags
    }),
    real.world.env
  )
}

/** Stack checkpoints anywhere under `folder` (our backends live in the job's temp folder). */
function stackFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile() && entry.parentPath.includes(`${path.sep}stacks`))
    .filter(entry => /\.json(\.gz|\.zst)?$/.test(entry.name))
    .map(entry => path.join(entry.parentPath, entry.name))
}

/** Processes of this world or this job still running. */
async function processesLeft(running: ActionJob): Promise<string[]> {
  return [...(await real.world.processesLeft()), ...(await processesMentioning(running.dir))]
}

describe('cancellation on the real CLIs', () => {
  it("the runner's cancel mid-up, then the post step: no stack, no resource, no process", async () => {
    // Each resource exists 1.5 s into its create, which returns 1.5 s later, once it is
    // ready: the cancel lands while the first creates' resources exist, not yet recorded.
    // 3.43.1's first SIGINT would kill the provider and lose them (pulumiPhaseStop).
    const running = job({ config: 'resources: 12\nlatencyMs: 1500\nreadyMs: 1500', samples: '4' })
    const main = running.start('index')
    const ended = () =>
      main.child.exitCode === null ? undefined : `main step ended:\n${main.stdout()}`
    await waitUntil('creates are in flight', () => real.world.liveResources().length > 0, {
      timeoutMs: 120_000,
      stop: ended
    })
    const cancelled = await cancelLikeTheRunner(main)
    const postStart = performance.now()
    const post = await running.run('post', cancelled.result.state)
    const postMs = performance.now() - postStart
    console.log(
      `real cancel: signals ${cancelled.sent.join(', ')}; main step exited ${Math.round(cancelled.exitMs)} ms ` +
        `after the SIGINT; post step took ${Math.round(postMs)} ms`
    )

    expect(cancelled.sent).toEqual(['SIGINT'])
    expect(post.exitCode, post.stdout).toBe(0)
    expect(post.stdout).toMatch(/Waiting up to [\d.]+ s for pulumi up .*\(pid \d+\) to finish/)
    expect(real.world.liveResources(), post.stdout).toEqual([])
    expect(stackFiles(running.dir), post.stdout).toEqual([])
    expect(await processesLeft(running)).toEqual([])
  })

  it('a 3.43.1 up that times out is killed, not interrupted: what it was creating is kept', async () => {
    // Each resource exists 1.5 s into its create and is ready 30 s later; the 18 s timeout
    // lands in between. 3.43.1's SIGINT would kill its provider and drop the creates from
    // the state while their resources stay (test/real/conformance.test.ts); killed
    // outright, it leaves them pending in the state, where the teardown finds them.
    const run = await seedRun({
      config: 'resources: 6\nlatencyMs: 1500\nreadyMs: 30000',
      timeout: '0.3'
    }).finished
    const live = real.world.liveResources()

    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/baseline sample 1 of 4 .* timed out after 18\.0 s/)
    expect(live.length, run.stderr).toBeGreaterThan(0)
    // Every resource that exists is pending in the kept stack's exported state.
    expect(run.stderr).toMatch(/stack perf-gate-\S+-baseline \(file:\/\/\S+\) was kept/)
    const resultsDir = path.dirname(real.world.resultsFile)
    const [exported] = readdirSync(resultsDir).filter(name => name.endsWith('.state.json'))
    const state = JSON.parse(readFileSync(path.join(resultsDir, exported!), 'utf8')) as {
      deployment: { pending_operations?: Array<{ type: string }> }
    }
    const creating = state.deployment.pending_operations?.filter(op => op.type === 'creating')
    expect(creating).toHaveLength(live.length)
    expect(await real.world.processesLeft()).toEqual([])
  })

  it('pulumi up SIGKILLed mid-create: its plugins end, the lock is cleared, the stack kept', async () => {
    const cli = seedRun({ config: 'resources: 40\nlatencyMs: 1500' })
    await waitUntil('creates are in flight', () => real.world.liveResources().length > 0, {
      timeoutMs: 120_000
    })
    // As the OOM killer or a `kill -9` would: Pulumi alone, its plugins in their own groups.
    const [up] = (await real.world.processesLeft()).filter(line => / up --yes /.test(line))
    process.kill(Number(up!.trim().split(/\s+/)[0]), 'SIGKILL')
    const run = await cli.finished
    // Its language host, program and provider: out of its group, ended with it.
    expect(await real.world.processesLeft()).toEqual([])

    expect(run.status).toBe(1)
    // Killed mid-create, the stack holds pending creates: kept, named, exported.
    expect(run.stderr).toMatch(/stack perf-gate-\S+-baseline \(file:\/\/\S+\) was kept/)
    expect(run.stderr).toMatch(/pending/i)
    expect(run.stderr).not.toMatch(/currently locked/)
    const resultsDir = path.dirname(real.world.resultsFile)
    expect(readdirSync(resultsDir).filter(name => name.endsWith('.state.json'))).toHaveLength(1)
  })
})
