/**
 * The bundled action in `mode: bisect` (docs/bisect.md), cancelled as the runner cancels
 * a job while a step's `pulumi up` has creates in flight: the main step leaves the
 * step's teardown to the post step, which leaves nothing, as in `run` mode. The two tests
 * run side by side, each with a scratch folder, job and tool cache of its own.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ActionHarness, workflowCommands } from '../helpers/action-runner'
import { releaseSeries, seriesVersion } from '../helpers/bisect-releases'
import {
  cancelLikeTheRunner,
  leftovers,
  makeScratch,
  runPost,
  simulatorsEnded,
  slowInputs,
  upInFlight
} from '../helpers/cancel-scenarios'
import { useActionHarness, useServedReleases } from '../helpers/file-setup'
import { writeSimBinaryFolder, type ReleaseServer } from '../helpers/pulumi-releases'

let harness: ActionHarness
let work: string
let releases: ReleaseServer

useActionHarness('ghs_e2eBisectToken0123456789abcdefABCDEF', started => {
  harness = started
})
useServedReleases(
  'ppg-bisect-action-',
  served => {
    work = served.work
    releases = served.releases
  },
  { releases: releaseSeries(4, { 2: 6 }) }
)

describe('the bundled action in bisect mode', { concurrent: true }, () => {
  it('locates the slower of two CLIs: outputs, job summary, failed step', async () => {
    const scratch = makeScratch(work)
    const [good, bad] = await Promise.all(
      releaseSeries(2, { 1: 6 }).map(release =>
        writeSimBinaryFolder(join(scratch.root, 'builds', release.version), release)
      )
    )
    const job = harness.job({
      mode: 'bisect',
      versions: `${good}\n${bad}`,
      program: scratch.program,
      'backend-url': scratch.backendUrl,
      'results-file': scratch.resultsFile,
      config: 'resources: 1\nlatencyMs: 100',
      threshold: '50%',
      samples: '16',
      warmup: '0'
    })
    const step = await job.start('index').finished

    expect(step.exitCode, step.stdout).toBe(1)
    expect(step.outputs).toMatchObject({
      verdict: 'regression',
      'last-fast': good,
      'first-slow': bad,
      'results-file': scratch.resultsFile
    })
    const [error, ...more] = workflowCommands(step.stdout, 'error')
    expect(more).toEqual([])
    expect(error).toContain(`${bad} made it slower (last fast: ${good})`)
    // One headline: the step's error is the summary's heading.
    expect(step.summary).toContain(`## 🔴 ${error}`)
    expect(leftovers(scratch.backendDir)).toEqual({ stacks: [], cloud: [] })
  }, 120_000)
})

describe('the bundled action in bisect mode, cancelled mid-step', { concurrent: true }, () => {
  it('leaves the step to the post step, which leaves no stack or resource', async () => {
    const scratch = makeScratch(work)
    // The run's inputs but its two versions, which a bisect refuses.
    const inputs: Record<string, string> = {
      ...slowInputs(scratch, releases.url),
      mode: 'bisect',
      good: seriesVersion(0),
      bad: seriesVersion(3)
    }
    delete inputs['baseline-version']
    delete inputs['candidate-version']
    const job = harness.job(inputs)
    const main = job.start('index')
    const ended = () =>
      main.child.exitCode === null ? undefined : `main step ended:\n${main.stdout()}`
    await upInFlight(scratch.backendDir, ended)
    const cancelled = await cancelLikeTheRunner(main)
    const post = await runPost(job, cancelled.result.state, scratch.backendDir)
    await simulatorsEnded(job.toolCache)

    expect(cancelled.sent, cancelled.result.stdout).toEqual(['SIGINT'])
    expect(cancelled.result.stdout).toContain('Step 1: 3.184.0 against 3.181.0 (good)')
    expect(cancelled.result.state).toHaveProperty('teardown')
    expect(post.result.exitCode, post.result.stdout + post.result.stderr).toBe(0)
    expect(workflowCommands(post.result.stdout, 'error')).toEqual([])
    expect(leftovers(scratch.backendDir)).toEqual({ stacks: [], cloud: [] })
  }, 120_000)
})
