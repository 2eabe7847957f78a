import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, readdirSync } from 'node:fs'
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { interruptRunningProcesses, runningProcesses } from '../../src/bench/process/running'
import { parseConfigInput } from '../../src/pulumi/stack/config-input'
import {
  initStack,
  makeGroupBackends,
  pulumiEnv,
  type StackRef
} from '../../src/pulumi/stack/stacks'
import { keepStack, tearDownStack } from '../../src/pulumi/stack/teardown-stack'
import { writeSimBinaryFolder } from '../helpers/pulumi-releases'
import { readSimLog } from '../helpers/pulumi-run'
import { readSimCloud } from '../helpers/sim-cloud'

const PROGRAM = new URL('../../fixtures/programs/sleep-python/', import.meta.url)

let root: string
let pulumi: string

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'perf-gate-teardown-'))
  pulumi = await writeSimBinaryFolder(path.join(root, 'pulumi'), { version: '3.44.3' })
})
afterAll(() => rm(root, { recursive: true, force: true }))

/** A stack of ours with `config`, in a fresh program copy and backend; a results folder. */
async function stack(name: string, config: string, binary = pulumi) {
  const dir = await mkdtemp(path.join(root, 'run-'))
  const programDir = path.join(dir, 'program')
  await cp(PROGRAM, programDir, { recursive: true })
  const backendUrl = (await makeGroupBackends(dir, ['only'])).urls.only
  const ref: StackRef = { binary, programDir, stack: name, backendUrl }
  await initStack(ref, parseConfigInput(config), { input: 'stack-prefix', onCreated: () => {} })
  return {
    ref,
    backendDir: backendUrl.slice('file://'.length),
    stateDir: path.join(dir, 'results'),
    run: (...args: string[]) => {
      const child = spawn(binary, [...args, '--stack', name], {
        cwd: programDir,
        env: { ...process.env, ...pulumiEnv(ref) },
        stdio: 'ignore'
      })
      return Promise.resolve({ child, exited: once(child, 'exit') })
    }
  }
}

describe('tearDownStack', () => {
  it('destroys and removes a stack that then holds nothing', async () => {
    const { ref, backendDir, stateDir, run } = await stack('fine', 'resources: 4\nlatencyMs: 1')
    await (
      await run('up', '--yes')
    ).exited
    expect(await tearDownStack(ref, { stateDir, timeoutMs: 60_000 })).toEqual({ kind: 'removed' })
    expect(readSimCloud(backendDir)).toEqual([])
    expect(existsSync(path.join(ref.programDir, 'Pulumi.fine.yaml'))).toBe(false)
    expect(existsSync(stateDir)).toBe(false)
  })

  it('keeps a stack whose destroy fails: names it, says what remains, writes its state', async () => {
    const config = 'resources: 3\nlatencyMs: 1\nfailDestroy: "true"'
    const { ref, backendDir, stateDir, run } = await stack('stuck', config)
    await (
      await run('up', '--yes')
    ).exited

    const fate = await tearDownStack(ref, { stateDir, timeoutMs: 60_000 })

    const statePath = path.join(stateDir, 'stuck.state.json')
    expect(fate).toEqual({
      kind: 'kept',
      details: expect.arrayContaining([
        expect.stringMatching(/::sleep-000 \(id sleep-000-[0-9a-f]{7}\)$/)
      ]),
      problem: `stack stuck (${ref.backendUrl}) was kept; pulumi destroy --yes --skip-preview --non-interactive --stack stuck failed with exit code 255: error: destroy failed: sleep-python:failDestroy is set (simulated failure); 4 resources remain (pulumi:pulumi:Stack sleep-python-stuck, pulumi-python:dynamic:Resource sleep-000, pulumi-python:dynamic:Resource sleep-001 and 1 more); its state: ${statePath}`
    })
    const state = JSON.parse(await readFile(statePath, 'utf8'))
    expect(state.deployment.resources).toHaveLength(4)
    expect(readSimCloud(backendDir)).toHaveLength(3)
    expect(existsSync(path.join(ref.programDir, 'Pulumi.stuck.yaml'))).toBe(true)
  })

  it('after a killed up: clears its stale lock, destroys what was saved, keeps the stack for its pending creates', async () => {
    const { ref, backendDir, stateDir, run } = await stack(
      'killed',
      'resources: 6\nlatencyMs: 2000'
    )
    const up = await run('up', '--yes')
    while (readSimCloud(backendDir).length < 6) await sleep(20)
    up.child.kill('SIGKILL')
    await up.exited
    // The simulated 3.44.3 keeps the legacy layout: locks/<stack>/.
    const locks = path.join(backendDir, '.pulumi', 'locks', 'killed')
    expect(readdirSync(locks)).toHaveLength(1)

    const fate = await tearDownStack(ref, { stateDir, timeoutMs: 60_000 })

    expect(fate.kind).toBe('kept')
    expect(fate.kind === 'kept' && fate.problem).toMatch(
      /^stack killed \(.*\) was kept; 6 pending operations \(creating pulumi-python:dynamic:Resource sleep-00\d, .* and 3 more\); what Pulumi was creating may exist outside the state; its state: .*killed\.state\.json$/
    )
    expect(readdirSync(locks)).toEqual([])
    // Every resource that exists is among the pending creates of the kept state.
    const state = JSON.parse(await readFile(path.join(stateDir, 'killed.state.json'), 'utf8')) as {
      deployment: { pending_operations: Array<{ resource: { urn: string } }> }
    }
    const pending = new Set(state.deployment.pending_operations.map(op => op.resource.urn))
    for (const resource of readSimCloud(backendDir)) expect(pending).toContain(resource.urn)
  })

  it('keeps a stack it cannot even export, saying so', async () => {
    const { ref, stateDir } = await stack('lost', '')
    const gone = { ...ref, binary: path.join(root, 'no-such-pulumi') }
    const fate = await tearDownStack(gone, { stateDir, timeoutMs: 60_000 })
    expect(fate.kind === 'kept' && fate.problem).toMatch(
      /^stack lost \(.*\) was kept; no-such-pulumi destroy .* could not start: .*ENOENT; its state could not be exported: no-such-pulumi stack export --stack lost could not start/
    )
  })

  it('goes on with a destroy that a first Ctrl-C stopped: the teardown is what it asked for', async () => {
    // 8 deletes of 1 s, 4 at once (the Python dynamic provider): the Ctrl-C comes while
    // the first ones run. Creates of 0.1 s: the up before them only makes the resources.
    // 3.87.0, whose first Ctrl-C stops a destroy gracefully (an older one is left to finish).
    const config = 'resources: 8\nlatencyMs: 100\ndeleteFactor: 10'
    const cancelling = await writeSimBinaryFolder(path.join(root, 'pulumi-3.87.0'), {
      version: '3.87.0'
    })
    const { ref, backendDir, stateDir, run } = await stack('ctrl-c', config, cancelling)
    const up = await run('up', '--yes', '--skip-preview', '--non-interactive')
    await up.exited
    expect(readSimCloud(backendDir).length).toBeGreaterThan(0)
    const fate = tearDownStack(ref, { stateDir, timeoutMs: 60_000 })
    await vi.waitUntil(
      () => runningProcesses().some(process => process.label.includes('destroy')),
      {
        timeout: 10_000,
        interval: 20
      }
    )
    await sleep(300)
    interruptRunningProcesses() // what the command line does on its first Ctrl-C
    expect(await fate).toEqual({ kind: 'removed' })
    expect(readSimCloud(backendDir)).toEqual([])
    // The Ctrl-C cancelled the first destroy; the teardown's next one finished the job.
    const destroys = readSimLog(backendDir).filter(entry => entry.command === 'destroy')
    expect(destroys.map(entry => entry['outcome'])).toEqual(['cancelled', 'succeeded'])
  })

  it('does nothing once stopped', async () => {
    const { ref, stateDir } = await stack('left', '')
    const fate = await tearDownStack(ref, {
      stateDir,
      timeoutMs: 60_000,
      stop: AbortSignal.abort()
    })
    expect(fate).toEqual({ kind: 'stopped' })
    expect(existsSync(path.join(ref.programDir, 'Pulumi.left.yaml'))).toBe(true)
  })
})

describe('keepStack', () => {
  it('exports the state of a stack it leaves alone and says why', async () => {
    const { ref, stateDir, run } = await stack('kept', 'resources: 2\nlatencyMs: 1')
    await (
      await run('up', '--yes')
    ).exited
    const { problem } = await keepStack(ref, 'not destroyed: the run was interrupted', stateDir)
    expect(problem).toBe(
      `stack kept (${ref.backendUrl}) was kept; not destroyed: the run was interrupted; 3 resources remain (pulumi:pulumi:Stack sleep-python-kept, pulumi-python:dynamic:Resource sleep-000, pulumi-python:dynamic:Resource sleep-001); its state: ${path.join(stateDir, 'kept.state.json')}`
    )
  })
})
