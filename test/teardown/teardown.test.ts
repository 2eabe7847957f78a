import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { redactor } from '../../src/core/redact'
import type { StackRef } from '../../src/pulumi/stack/stacks'

const calls: string[] = []
/** What tearDownStack answers for a stack, by name; default: removed. */
const fates = new Map<
  string,
  { kind: 'kept'; problem: string; details: string[] } | { kind: 'stopped' }
>()
vi.mock('../../src/pulumi/stack/teardown-stack', () => ({
  tearDownStack: (ref: StackRef, options: { timeoutMs: number; stop?: AbortSignal }) => {
    calls.push(`tear down ${ref.stack} within ${options.timeoutMs} ms`)
    return Promise.resolve(fates.get(ref.stack) ?? { kind: 'removed' })
  },
  keepStack: (ref: StackRef, reason: string) => {
    calls.push(`keep ${ref.stack}: ${reason}`)
    return Promise.resolve({
      kind: 'kept',
      problem: `stack ${ref.stack} was kept; ${reason}`,
      details: [`urn:pulumi:${ref.stack}::p::pulumi:pulumi:Stack::p-${ref.stack}`]
    })
  }
}))

const { StackLedger } = await import('../../src/teardown/ledger')
const { runTeardown } = await import('../../src/teardown/teardown')
const { finishTeardown, postStepDeadline, runningWaitMs } =
  await import('../../src/teardown/post-step')
const { runProcess } = await import('../../src/bench/process/spawn')

const ref = (stack: string): StackRef => ({
  binary: '/p/pulumi',
  programDir: '/prog',
  stack,
  backendUrl: 'file:///b'
})

function setUp(stacks: string[]) {
  const root = mkdtempSync(join(tmpdir(), 'perf-gate-teardown-run-'))
  const ownBackendDir = join(root, 'work', 'backend')
  mkdirSync(ownBackendDir, { recursive: true })
  const marker = join(root, 'cleanup-ran')
  const plan = {
    resultsDir: join(root, 'results'),
    logDir: join(root, 'results', 'logs'),
    workDir: join(root, 'work'),
    ownBackendDir,
    cleanup: {
      command: `echo "$(ls ${JSON.stringify(join(root, 'work'))} | wc -l)" > ${JSON.stringify(marker)}`,
      shell: { kind: 'shell' as const, path: 'bash' },
      timeoutMs: 10_000
    },
    destroyTimeoutMs: 600_000
  }
  let saved = ''
  const ledger = new StackLedger(serialized => (saved = serialized))
  for (const stack of stacks) ledger.record(ref(stack))
  return {
    plan,
    ledger,
    saved: () => (JSON.parse(saved) as { stacks: StackRef[] }).stacks.map(known => known.stack),
    cleanupSaw: () => (existsSync(marker) ? readFileSync(marker, 'utf8').trim() : undefined),
    backendLeft: () => existsSync(ownBackendDir),
    workLeft: () => existsSync(plan.workDir)
  }
}

const log = () => {}

beforeEach(() => {
  calls.length = 0
  fates.clear()
})

describe('runTeardown', () => {
  it('tears down newest first, then removes our backend, runs cleanup, removes the scratch folder', async () => {
    const run = setUp(['p-baseline', 'p-candidate'])
    const report = await runTeardown(run.plan, run.ledger, { onStop: 'keep', log })
    expect(report).toEqual({ kept: [], warnings: [], deferred: false })
    expect(calls).toEqual([
      'tear down p-candidate within 600000 ms',
      'tear down p-baseline within 600000 ms'
    ])
    expect(run.saved()).toEqual([])
    // The cleanup ran after the backend had gone, and the empty scratch folder went last.
    expect(run.cleanupSaw()).toBe('0')
    expect(run.workLeft()).toBe(false)
  })

  it("redacts the run's logs last, the user's cleanup log too", async () => {
    const secret = 'pul-5f0e2a9c4b7d1e3f5a6b7c8d9e0f1a2b3c4d5e6f'
    const run = setUp([])
    mkdirSync(run.plan.logDir, { recursive: true })
    writeFileSync(join(run.plan.logDir, 'candidate.log'), `error: token ${secret} refused\n`)
    const plan = { ...run.plan, cleanup: { ...run.plan.cleanup, command: `echo ${secret}` } }
    const report = await runTeardown(plan, run.ledger, {
      onStop: 'keep',
      log,
      redact: redactor([secret])
    })
    expect(report.warnings).toEqual([])
    const logs = readdirSync(plan.logDir).map(name => readFileSync(join(plan.logDir, name), 'utf8'))
    expect(logs.sort()).toEqual([
      '\n[pulumi-perf-gate] cleanup step 1 of 1: echo ***\n***\n',
      'error: token *** refused\n'
    ])
  })

  it('reports a kept stack, forgets it, and leaves our backend that holds its state', async () => {
    const run = setUp(['p-baseline', 'p-candidate'])
    fates.set('p-baseline', {
      kind: 'kept',
      problem: 'stack p-baseline was kept; 1 resource remains',
      details: ['urn:pulumi:p-baseline::p::aws:s3/bucket:Bucket::logs (id logs-4f1a2b3)']
    })
    const lines: string[] = []
    const report = await runTeardown(run.plan, run.ledger, {
      onStop: 'keep',
      log: line => lines.push(line)
    })
    expect(report.kept).toEqual(['stack p-baseline was kept; 1 resource remains'])
    // Every resource is in the log: with the default backend it may be all that is left.
    expect(lines).toContain('Stack p-baseline was kept, holding:')
    expect(lines).toContain(
      '  urn:pulumi:p-baseline::p::aws:s3/bucket:Bucket::logs (id logs-4f1a2b3)'
    )
    expect(run.saved()).toEqual([])
    expect(run.backendLeft()).toBe(true)
    expect(run.cleanupSaw()).toBe('1')
  })

  it('once stopped, defers: the stacks stay saved for the post step, nothing else runs', async () => {
    const run = setUp(['p-baseline', 'p-candidate'])
    const stop = new AbortController()
    fates.set('p-candidate', { kind: 'stopped' })
    stop.abort()
    const report = await runTeardown(run.plan, run.ledger, {
      onStop: 'defer',
      stop: stop.signal,
      log
    })
    expect(report).toEqual({ kept: [], warnings: [], deferred: true })
    expect(calls).toEqual([])
    expect(run.saved()).toEqual(['p-baseline', 'p-candidate'])
    expect(run.cleanupSaw()).toBeUndefined()
    expect(run.backendLeft()).toBe(true)
  })

  it('once stopped, or when told to keep them: exports and reports the rest, skips the cleanup', async () => {
    const run = setUp(['p-baseline', 'p-candidate'])
    const report = await runTeardown(run.plan, run.ledger, {
      onStop: 'keep',
      stop: AbortSignal.abort(),
      log
    })
    expect(calls).toEqual([
      'keep p-candidate: not destroyed: the run was interrupted',
      'keep p-baseline: not destroyed: the run was interrupted'
    ])
    expect(report.kept).toHaveLength(2)
    expect(report.warnings).toEqual([expect.stringMatching(/^cleanup was not run: /)])
    expect(run.cleanupSaw()).toBeUndefined()
  })

  it('keeps, without touching it, a stack a command of ours still runs on', async () => {
    const run = setUp(['p-baseline', 'p-candidate'])
    const busy = [
      { pid: 4242, label: 'pulumi up', tag: 'p-baseline', interruptible: true, interrupts: 2 }
    ]
    await runTeardown(run.plan, run.ledger, { onStop: 'keep', busy, log })
    expect(calls).toEqual([
      'tear down p-candidate within 600000 ms',
      'keep p-baseline: pulumi up (pid 4242) still runs on it'
    ])
  })

  it('gives each destroy what is left before the deadline, less the grace after its SIGINT', async () => {
    const run = setUp(['p-baseline', 'p-candidate'])
    const deadline = Date.now() + 100_000
    await runTeardown(run.plan, run.ledger, { onStop: 'keep', deadline, log })
    const limits = calls.map(call => Number(/within (\d+) ms/.exec(call)?.[1]))
    expect(limits).toHaveLength(2)
    for (const limit of limits) expect(limit).toBeGreaterThan(35_000)
    for (const limit of limits) expect(limit).toBeLessThanOrEqual(40_000)

    const late = setUp(['p-late'])
    calls.length = 0
    await runTeardown(late.plan, late.ledger, { onStop: 'keep', deadline: Date.now() + 1000, log })
    expect(calls).toEqual(['keep p-late: not destroyed: no time was left'])
  })
})

describe('finishTeardown (the post step)', () => {
  /**
   * A command of an earlier step: it writes `int` on each SIGINT and ends on the `ends`-th,
   * or by itself after about `runsMs`.
   */
  async function earlierCommand(ends: number, interrupts: number, runsMs?: number) {
    const dir = mkdtempSync(join(tmpdir(), 'perf-gate-post-'))
    const loop = runsMs === undefined ? 'while :' : `for i in $(seq ${Math.ceil(runsMs / 20)})`
    const script = `n=0; trap 'n=$((n+1)); echo int >> "${dir}/ints"; [ $n -ge ${ends} ] && exit 0' INT; echo $$ > "${dir}/pid"; ${loop}; do sleep 0.02; done`
    const running = runProcess({ file: 'bash', args: ['-c', script] }, { output: 'ignore' })
    for (;;) {
      if (existsSync(join(dir, 'pid')) && readFileSync(join(dir, 'pid'), 'utf8').endsWith('\n'))
        break
      await new Promise(resolve => setTimeout(resolve, 10))
    }
    const pid = Number(readFileSync(join(dir, 'pid'), 'utf8'))
    const ints = () =>
      existsSync(join(dir, 'ints'))
        ? readFileSync(join(dir, 'ints'), 'utf8').split('\n').length - 1
        : 0
    return {
      saved: { pid, label: 'pulumi up', tag: 'p-baseline', interruptible: true, interrupts },
      ints,
      running
    }
  }

  it('sends one SIGINT to a command the killed main step never interrupted, waits, then tears down', async () => {
    const run = setUp(['p-baseline'])
    const command = await earlierCommand(1, 0)
    const report = await finishTeardown(
      { plan: run.plan, stacks: run.ledger.stacks, processes: [command.saved] },
      { log, waitMs: 5000 }
    )
    expect(command.ints()).toBe(1)
    expect(calls).toEqual([expect.stringMatching(/^tear down p-baseline within /)])
    expect(report.kept).toEqual([])
    await command.running
  })

  it('does not interrupt again what the main step interrupted, until the wait is over', async () => {
    const run = setUp(['p-baseline'])
    const command = await earlierCommand(1, 1)
    await finishTeardown(
      { plan: run.plan, stacks: run.ledger.stacks, processes: [command.saved] },
      { log, waitMs: 300 }
    )
    // After 300 ms it got its one SIGINT from us: Pulumi's second, which stops it at once.
    expect(command.ints()).toBe(1)
    expect(calls).toEqual([expect.stringMatching(/^tear down p-baseline within /)])
    await command.running
  })

  it('lets a Pulumi the cancellation spared finish by itself, sending it nothing', async () => {
    const run = setUp(['p-baseline'])
    const command = await earlierCommand(1, 0, 400)
    const report = await finishTeardown(
      {
        plan: run.plan,
        stacks: run.ledger.stacks,
        processes: [{ ...command.saved, spareOnCancel: true }]
      },
      { log, waitMs: 30_000 }
    )
    expect(command.ints()).toBe(0)
    expect(await command.running).toMatchObject({ kind: 'exited', exitCode: 0 })
    expect(report.kept).toEqual([])
  })

  it('interrupts a spared Pulumi once the wait is over: its first SIGINT, sent once', async () => {
    const run = setUp(['p-baseline'])
    const command = await earlierCommand(1, 0)
    const report = await finishTeardown(
      {
        plan: run.plan,
        stacks: run.ledger.stacks,
        processes: [{ ...command.saved, spareOnCancel: true }]
      },
      { log, waitMs: 300 }
    )
    expect(command.ints()).toBe(1)
    expect(report.kept).toEqual([])
    await command.running
  })

  it('keeps the stack of a command that is still running after all that', async () => {
    const run = setUp(['p-baseline'])
    const command = await earlierCommand(2, 1)
    const report = await finishTeardown(
      { plan: run.plan, stacks: run.ledger.stacks, processes: [command.saved] },
      { log, waitMs: 200, afterSecondSigintMs: 200 }
    )
    expect(calls).toEqual([
      `keep p-baseline: pulumi up (pid ${command.saved.pid}) still runs on it`
    ])
    expect(report.kept).toHaveLength(1)
    process.kill(command.saved.pid, 'SIGINT')
    await command.running
  })

  it('kills a command of the user that ignores its SIGINT, once its grace is over', async () => {
    const run = setUp([])
    const command = await earlierCommand(99, 0)
    await finishTeardown(
      {
        plan: run.plan,
        stacks: run.ledger.stacks,
        processes: [{ ...command.saved, killAfterMs: 200 }]
      },
      { log, waitMs: 30_000 }
    )
    expect(command.ints()).toBe(1)
    expect(await command.running).toMatchObject({ kind: 'signaled', signal: 'SIGKILL' })
  })
})

describe('runningWaitMs', () => {
  const minute = 60_000

  it('waits 90 s for an interrupted Pulumi, and never more than half of what is left', () => {
    expect(runningWaitMs(4 * minute, false)).toBe(1.5 * minute)
    expect(runningWaitMs(2 * minute, false)).toBe(minute)
  })

  it('waits for a spared Pulumi as long as the budget allows, short of its SIGINT and a destroy', () => {
    expect(runningWaitMs(4 * minute, true)).toBe(4 * minute - 75_000)
    expect(runningWaitMs(4 * minute, true)).toBeGreaterThan(runningWaitMs(4 * minute, false))
    expect(runningWaitMs(60_000, true)).toBe(0)
    expect(runningWaitMs(4 * minute, true, 300)).toBe(300)
  })
})

describe('postStepDeadline', () => {
  const minute = 60_000

  it('counts from the cancel when the steps between took the time, not from its own start', () => {
    const cancelledAt = 1_000_000
    const now = cancelledAt + 3 * minute // a slow upload-artifact ran in between
    expect(postStepDeadline(now, 4 * minute, cancelledAt)).toBe(cancelledAt + 4.5 * minute)
    expect(postStepDeadline(now, 4 * minute, cancelledAt)).toBeLessThan(now + 2 * minute)
  })

  it('counts from its own start when that ends sooner, or when no cancel was seen', () => {
    expect(postStepDeadline(5_000, 4 * minute, 4_000)).toBe(5_000 + 4 * minute)
    expect(postStepDeadline(5_000, 4 * minute)).toBe(5_000 + 4 * minute)
  })
})
