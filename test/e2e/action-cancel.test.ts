/**
 * The bundled action when its job is cancelled, or its main step killed, while a
 * `pulumi up` has creates in flight (docs/cancellation.md), and when a destroy
 * fails. Afterwards nothing of ours is left in the backend or in the simulated cloud;
 * or, when something could not be destroyed, the step fails naming the stack and what
 * it holds, and the stack's exported state lies next to the results file.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  ActionHarness,
  commandInputs,
  loadResults,
  workflowCommands
} from '../helpers/action-runner'
import {
  cancelLikeTheRunner,
  failingDestroyInputs,
  interruptedJob,
  leftovers,
  makeScratch,
  processesMentioning,
  waitUntil
} from '../helpers/cancel-scenarios'
import { useActionHarness, useServedReleases } from '../helpers/file-setup'
import { runLogs } from '../helpers/secrets'
import { type ReleaseServer } from '../helpers/pulumi-releases'

const TOKEN = 'ghs_e2eCancelToken0123456789abcdefABCDEF'

interface ExportedState {
  version: number
  deployment: {
    resources?: Array<{ urn: string; type: string }>
    pending_operations?: Array<{ type: string; resource: { urn: string } }>
  } | null
}

let harness: ActionHarness
let work: string
let releases: ReleaseServer

useActionHarness(TOKEN, started => {
  harness = started
})
useServedReleases('ppg-cancel-e2e-', served => {
  work = served.work
  releases = served.releases
})

function exportedState(resultsFile: string, stack: string): ExportedState {
  return JSON.parse(
    readFileSync(join(dirname(resultsFile), `${stack}.state.json`), 'utf8')
  ) as ExportedState
}

// Each test has its own scratch folder, job and tool cache, and none reads the comments:
// they run side by side, waiting on the simulated creates.
describe('the bundled action in Pulumi mode, stopped mid-up', { concurrent: true }, () => {
  it('cancelled as the runner does: the main step leaves before the SIGTERM, the post step leaves nothing', async () => {
    const scratch = makeScratch(work)
    const { main, signals, post, left } = await interruptedJob(
      harness,
      releases.url,
      scratch,
      'cancel'
    )

    expect(signals, main.stdout).toEqual(['SIGINT'])
    expect(main.signal).toBeNull()
    expect(loadResults(scratch.resultsFile)).toMatchObject({
      error: expect.stringMatching(/abort/)
    })
    expect(post.result.exitCode, post.result.stdout + post.result.stderr).toBe(0)
    expect(workflowCommands(post.result.stdout, 'error')).toEqual([])
    expect(left).toEqual({ stacks: [], cloud: [] })
  })

  it('cancelled in calibrate mode: the same, one version as both groups', async () => {
    const scratch = makeScratch(work)
    // calibrate runs baseline-version as both groups and refuses a candidate.
    const calibrate = { mode: 'calibrate', 'candidate-version': '' }
    const { main, post, left } = await interruptedJob(
      harness,
      releases.url,
      scratch,
      'cancel',
      calibrate
    )
    expect(main.signal).toBeNull()
    expect(loadResults(scratch.resultsFile)).toMatchObject({
      error: expect.stringMatching(/abort/)
    })
    expect(main.summary).toMatch(/abort/)
    expect(post.result.exitCode, post.result.stdout + post.result.stderr).toBe(0)
    expect(left).toEqual({ stacks: [], cloud: [] })
  })

  it('main step SIGKILLed (its pulumi up runs on): the post step stops the up and leaves nothing', async () => {
    const scratch = makeScratch(work)
    const { main, post, left } = await interruptedJob(harness, releases.url, scratch, 'kill')

    expect(main.signal).toBe('SIGKILL')
    expect(post.result.exitCode, post.result.stdout + post.result.stderr).toBe(0)
    expect(workflowCommands(post.result.stdout, 'error')).toEqual([])
    expect(left).toEqual({ stacks: [], cloud: [] })
  })

  it('main step and pulumi killed outright: the post step keeps the stack with pending creates and fails naming it', async () => {
    const scratch = makeScratch(work)
    const { main, post, left } = await interruptedJob(harness, releases.url, scratch, 'kill-tree')

    expect(main.signal).toBe('SIGKILL')
    expect(post.result.exitCode).toBe(1)
    const errors = workflowCommands(post.result.stdout, 'error')
    expect(errors).toHaveLength(1)
    // The resources Pulumi was creating when it died exist, but only the pending
    // operations in the kept state say so: each one is there, under its stack.
    expect(left.cloud.length).toBeGreaterThan(0)
    for (const stack of new Set(left.cloud.map(resource => resource.stack))) {
      expect(errors[0]).toMatch(new RegExp(`stack ${stack} .*pending`))
      const pending = exportedState(scratch.resultsFile, stack).deployment?.pending_operations
      const urns = new Set(pending?.map(operation => operation.resource.urn))
      for (const resource of left.cloud.filter(resource => resource.stack === stack)) {
        expect(urns).toContain(resource.urn)
      }
    }
  })
})

describe('the bundled action in Pulumi mode, when destroy starts failing', () => {
  it('fails the step naming the destroy and each kept stack, with its exported state', async () => {
    const scratch = makeScratch(work)
    // Samples run baseline, candidate, candidate, baseline, each cycle ending in its
    // destroy: the fourth prepare starts the last cycle, whose destroy fails, and so do
    // the teardown's destroys of both stacks.
    const job = harness.job(failingDestroyInputs(scratch, releases.url))
    const main = await job.run('index')

    expect(main.exitCode, main.stdout + main.stderr).toBe(1)
    const errors = workflowCommands(main.stdout, 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^baseline destroy after sample 2 of 2 \(.*\) failed/)
    expect(errors[0]).toMatch(/stack gate-baseline .*11 resources/)
    // The candidate's own last destroy had emptied it; its teardown's failed all the same.
    expect(errors[0]).toMatch(/stack gate-candidate .*it holds nothing/)
    expect(exportedState(scratch.resultsFile, 'gate-baseline').deployment?.resources).toHaveLength(
      11
    )
    // Every up that ran is kept, that of the sample whose untimed destroy failed too.
    const results = loadResults(scratch.resultsFile)
    expect(results).toMatchObject({ error: expect.stringMatching(/destroy after sample 2/) })
    expect(results.results.map(result => result.times.length)).toEqual([2, 2])
    expect(leftovers(scratch.backendDir).stacks).toHaveLength(2)
    expect(leftovers(scratch.backendDir).cloud).toHaveLength(10)
    expect(existsSync(join(scratch.program, 'Pulumi.gate-baseline.yaml'))).toBe(true)

    // The post step does not try again what the main step reported.
    const post = await job.run('post', main.state)
    expect(post.exitCode, post.stdout).toBe(0)
  })
})

describe('the bundled action in generic mode, cancelled mid-sample', () => {
  it('stops the command, and the post step runs the cleanup', async () => {
    const scratch = makeScratch(work)
    const marker = join(scratch.root, 'cleaned')
    const job = harness.job(
      commandInputs('sleep 29.5', 'sleep 29.5', {
        'results-file': scratch.resultsFile,
        warmup: '0',
        cleanup: `touch '${marker}'`,
        comment: 'never'
      })
    )
    const main = job.start('index')
    // A unique duration, so no other test's sleep is taken for ours.
    const sleeping = async () => (await processesMentioning('sleep 29.5')).length > 0
    await waitUntil('a sample runs', sleeping, {
      stop: () => (main.child.exitCode === null ? undefined : main.stdout())
    })
    const { sent, result } = await cancelLikeTheRunner(main)

    expect(sent, result.stdout).toEqual(['SIGINT'])
    expect(loadResults(scratch.resultsFile)).toMatchObject({
      error: expect.stringMatching(/abort/)
    })
    expect(existsSync(marker)).toBe(false)
    const post = await job.run('post', result.state)
    expect(post.exitCode, post.stdout).toBe(0)
    expect(existsSync(marker)).toBe(true)
    expect(await sleeping()).toBe(false)
  })
})

describe('the bundled action cancelled after a command printed a secret', () => {
  it('redacts the logs before the main step exits, so an upload between the steps holds no secret', async () => {
    const scratch = makeScratch(work)
    const secret = 'Hunter2-prod-db-0451'
    const job = harness.job(
      commandInputs('echo "pw $DB_PASSWORD"; sleep 29.4', 'echo "pw $DB_PASSWORD"; sleep 29.4', {
        'results-file': scratch.resultsFile,
        warmup: '0',
        comment: 'never'
      }),
      { env: { DB_PASSWORD: secret } }
    )
    const main = job.start('index')
    const sleeping = async () => (await processesMentioning('sleep 29.4')).length > 0
    await waitUntil('a sample runs', sleeping, {
      stop: () => (main.child.exitCode === null ? undefined : main.stdout())
    })
    const { result } = await cancelLikeTheRunner(main)
    // What `actions/upload-artifact` with `if: always()` would take, before the post step.
    const logs = runLogs(scratch.resultsFile)
    expect(Object.keys(logs)).not.toEqual([])
    expect(Object.values(logs).join('\n')).toContain('pw ***')
    for (const [name, text] of Object.entries(logs)) expect(text, name).not.toContain(secret)
    expect((await job.run('post', result.state)).exitCode).toBe(0)
  })
})
