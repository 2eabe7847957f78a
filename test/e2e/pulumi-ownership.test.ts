/**
 * pulumi-perf-gate destroys only stacks it created. A stack that already exists under
 * the chosen names, with resources, is an input error naming `stack-prefix`, found
 * before anything is downloaded: the stack, its resources and its settings file stay
 * as they were and no `pulumi up` runs. The same goes for a prefix Pulumi would refuse.
 */
import { execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ActionHarness, withoutRunnerVariables, workflowCommands } from '../helpers/action-runner'
import {
  BUNDLED_CLI,
  leftovers,
  makeScratch,
  slowInputs,
  type Scratch
} from '../helpers/cancel-scenarios'
import { writeSimBinaryFolder, type ReleaseServer } from '../helpers/pulumi-releases'
import { useActionHarness, useServedReleases } from '../helpers/file-setup'
import { readSimCloud } from '../helpers/sim-cloud'

const TOKEN = 'ghs_e2eOwnershipToken0123456789abcdefABC'

let harness: ActionHarness
let work: string
let releases: ReleaseServer
let pulumi: string

useActionHarness(TOKEN, started => {
  harness = started
})
useServedReleases('ppg-ownership-e2e-', async served => {
  work = served.work
  releases = served.releases
  pulumi = await writeSimBinaryFolder(join(work, 'someone-elses-pulumi'), { version: '3.44.3' })
})
afterEach(() => {
  releases.requests.length = 0
})

/** Someone else's stack `team-baseline` in the scratch backend, with 3 resources. */
function someoneElsesStack(scratch: Scratch): () => unknown {
  const env = {
    ...withoutRunnerVariables(process.env),
    PULUMI_BACKEND_URL: scratch.backendUrl,
    PULUMI_CONFIG_PASSPHRASE: ''
  }
  const run = (...args: string[]) =>
    execFileSync(pulumi, args, { cwd: scratch.program, env, stdio: 'pipe' })
  run('stack', 'init', 'team-baseline')
  run('config', 'set', '--stack', 'team-baseline', 'resources', '3')
  run('config', 'set', '--stack', 'team-baseline', 'latencyMs', '10')
  run('up', '--yes', '--stack', 'team-baseline')
  const snapshot = () => ({
    stackFile: readFileSync(
      // The simulated 3.43.1 and 3.44.3 keep the legacy layout, no project folder.
      join(scratch.backendDir, '.pulumi', 'stacks', 'team-baseline.json'),
      'utf8'
    ),
    settings: readFileSync(join(scratch.program, 'Pulumi.team-baseline.yaml'), 'utf8'),
    log: readFileSync(join(scratch.backendDir, '.pulumi', 'sim-log.jsonl'), 'utf8'),
    cloud: readSimCloud(scratch.backendDir).map(resource => resource.id)
  })
  const before = snapshot()
  expect(before.cloud).toHaveLength(3)
  return () => expect(snapshot()).toEqual(before)
}

describe('a stack that already exists under stack-prefix', () => {
  it('is one input error on the command line (exit 2), with nothing touched or downloaded', async () => {
    const scratch = makeScratch(work)
    const untouched = someoneElsesStack(scratch)
    const inputs = slowInputs(scratch, releases.url, { 'stack-prefix': 'team' })
    const args = ['run', ...Object.entries(inputs).flatMap(([name, value]) => [`--${name}`, value])]
    const child = spawn(process.execPath, [BUNDLED_CLI, ...args], {
      env: {
        ...withoutRunnerVariables(process.env),
        RUNNER_TOOL_CACHE: join(scratch.root, 'tool-cache'),
        RUNNER_TEMP: join(scratch.root, 'runner-temp')
      },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const [code] = (await once(child, 'exit')) as [number | null]

    expect(code, stderr).toBe(2)
    const lines = stderr.split('\n').filter(line => line !== '')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^pulumi-perf-gate: stack-prefix: .*team-baseline.* already exists/)
    untouched()
    expect(releases.requests).toEqual([])
    expect(leftovers(scratch.backendDir).stacks).toHaveLength(1)
  })

  it('fails the action with one error naming stack-prefix, before any download', async () => {
    const scratch = makeScratch(work)
    const untouched = someoneElsesStack(scratch)
    const job = harness.job(slowInputs(scratch, releases.url, { 'stack-prefix': 'team' }))
    const main = await job.run('index')

    expect(main.exitCode).toBe(1)
    const errors = workflowCommands(main.stdout, 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^stack-prefix: .*team-baseline.* already exists/)
    untouched()
    expect(releases.requests).toEqual([])

    const post = await job.run('post', main.state)
    expect(post.exitCode).toBe(0)
    untouched()
  })
})
