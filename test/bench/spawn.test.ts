import { mkdtempSync, readFileSync, openSync, closeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeOutcome, runProcess } from '../../src/bench/spawn'
import { isGoneSoon, readPids } from './fixtures/processes'

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name)
const tempDir = () => mkdtempSync(join(tmpdir(), 'perf-gate-spawn-'))

describe('runProcess', () => {
  it('reports the exit code and a wall time', async () => {
    const outcome = await runProcess(
      { file: 'bash', args: ['-c', 'sleep 0.05; exit 4'] },
      { output: 'ignore', timeoutMs: 10_000 }
    )
    expect(outcome).toMatchObject({ kind: 'exited', exitCode: 4 })
    expect(outcome.kind === 'exited' && outcome.seconds).toBeGreaterThanOrEqual(0.05)
  })

  it('writes stdout and stderr to the given descriptor with the step environment', async () => {
    const path = join(tempDir(), 'out.log')
    const fd = openSync(path, 'w')
    await runProcess(
      {
        file: 'bash',
        args: ['-c', 'echo "out $GREETING"; echo err >&2'],
        env: { ...process.env, GREETING: 'hi' }
      },
      { output: fd, timeoutMs: 10_000 }
    )
    closeSync(fd)
    expect(readFileSync(path, 'utf8')).toBe('out hi\nerr\n')
  })

  it('runs in the given working directory', async () => {
    const dir = tempDir()
    const path = join(dir, 'pwd.log')
    const fd = openSync(path, 'w')
    await runProcess({ file: 'pwd', args: [], cwd: dir }, { output: fd, timeoutMs: 10_000 })
    closeSync(fd)
    expect(readFileSync(path, 'utf8').trim()).toBe(dir)
  })

  it('adds CPU and memory to an exited outcome only when asked', async () => {
    const step = { file: 'bash', args: ['-c', 'exit 0'] }
    const plain = await runProcess(step, { output: 'ignore', timeoutMs: 10_000 })
    expect(plain).not.toHaveProperty('resources')
    const measured = await runProcess(step, {
      output: 'ignore',
      timeoutMs: 10_000,
      measureResources: true
    })
    expect(measured).toMatchObject({ kind: 'exited', exitCode: 0 })
    if (process.platform === 'linux') expect(measured).toHaveProperty('resources.userSeconds')
  })

  it('reports a program that does not exist as not started', async () => {
    const outcome = await runProcess(
      { file: 'no-such-program-perf-gate', args: [] },
      { output: 'ignore', timeoutMs: 10_000 }
    )
    expect(outcome.kind).toBe('not-started')
    expect(describeOutcome(outcome, 0)).toMatch(/^could not start \(.*ENOENT/)
  })

  it('reports a process killed by a signal', async () => {
    const outcome = await runProcess(
      { file: 'bash', args: ['-c', 'kill -SEGV $$'] },
      { output: 'ignore', timeoutMs: 10_000 }
    )
    expect(outcome).toEqual({ kind: 'signaled', signal: 'SIGSEGV' })
  })

  it('kills the whole process group on timeout', async () => {
    const pidFile = join(tempDir(), 'pids')
    const outcome = await runProcess(
      { file: fixture('spawn-and-wait.sh'), args: [], env: { ...process.env, PID_FILE: pidFile } },
      { output: 'ignore', timeoutMs: 300 }
    )
    expect(outcome).toEqual({ kind: 'timed-out' })
    expect(describeOutcome(outcome, 300)).toBe('timed out after 300 ms')
    for (const pid of await readPids(pidFile, 2)) expect(await isGoneSoon(pid)).toBe(true)
  })

  // The sleeps last 30 s: without SIGKILL after the grace period this test times out.
  it(
    'kills a group that ignores SIGTERM once the grace period is over',
    { timeout: 10_000 },
    async () => {
      const pidFile = join(tempDir(), 'pids')
      const outcome = await runProcess(
        {
          file: 'bash',
          args: ['-c', `trap '' TERM; sleep 30 & echo "$$ $!" > "$PID_FILE"; wait; wait`],
          env: { ...process.env, PID_FILE: pidFile }
        },
        { output: 'ignore', timeoutMs: 100 }
      )
      expect(outcome).toEqual({ kind: 'timed-out' })
      for (const pid of await readPids(pidFile, 2)) expect(await isGoneSoon(pid)).toBe(true)
    }
  )

  it('kills the whole process group at once on abort', async () => {
    const pidFile = join(tempDir(), 'pids')
    const controller = new AbortController()
    const running = runProcess(
      { file: fixture('spawn-and-wait.sh'), args: [], env: { ...process.env, PID_FILE: pidFile } },
      { output: 'ignore', timeoutMs: 60_000, signal: controller.signal }
    )
    const pids = await readPids(pidFile, 2)
    controller.abort()
    expect(await running).toEqual({ kind: 'aborted' })
    for (const pid of pids) expect(await isGoneSoon(pid)).toBe(true)
  })

  it('does not start anything when already aborted', async () => {
    const dir = tempDir()
    const outcome = await runProcess(
      { file: 'touch', args: [join(dir, 'ran')] },
      { output: 'ignore', timeoutMs: 10_000, signal: AbortSignal.abort() }
    )
    expect(outcome).toEqual({ kind: 'aborted' })
    expect(() => readFileSync(join(dir, 'ran'))).toThrow()
  })

  it('kills what a failed process left behind', async () => {
    const pidFile = join(tempDir(), 'pids')
    const outcome = await runProcess(
      {
        file: fixture('spawn-and-exit.sh'),
        args: [],
        env: { ...process.env, PID_FILE: pidFile, EXIT_CODE: '7' }
      },
      { output: 'ignore', timeoutMs: 10_000 }
    )
    expect(outcome).toMatchObject({ kind: 'exited', exitCode: 7 })
    const [orphan] = await readPids(pidFile, 1)
    expect(await isGoneSoon(orphan!)).toBe(true)
  })
})
