import { closeSync, existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  interruptRunningProcesses,
  onRunningProcessesChange,
  runningProcesses,
  type RunningProcess
} from '../../src/bench/process/running'
import { describeOutcome, runProcess, untilAborted } from '../../src/bench/process/spawn'
import { isGoneSoon, isRunning, readPids } from './fixtures/processes'

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

  it('on timeout sends SIGINT to the whole group, which may end there', async () => {
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
    'kills a group that ignores SIGINT once the grace period is over',
    { timeout: 10_000 },
    async () => {
      const pidFile = join(tempDir(), 'pids')
      const outcome = await runProcess(
        {
          file: 'bash',
          args: ['-c', `trap '' INT; sleep 30 & echo "$$ $!" > "$PID_FILE"; wait; wait`],
          env: { ...process.env, PID_FILE: pidFile }
        },
        { output: 'ignore', timeoutMs: 100, stop: { onCancel: 'interrupt', graceMs: 200 } }
      )
      expect(outcome).toEqual({ kind: 'timed-out' })
      for (const pid of await readPids(pidFile, 2)) expect(await isGoneSoon(pid)).toBe(true)
    }
  )
  it('does not start anything when already aborted', async () => {
    const dir = tempDir()
    const outcome = await runProcess(
      { file: 'touch', args: [join(dir, 'ran')] },
      { output: 'ignore', timeoutMs: 10_000, signal: AbortSignal.abort() }
    )
    expect(outcome).toEqual({ kind: 'aborted' })
    expect(() => readFileSync(join(dir, 'ran'))).toThrow()
  })

  it('captures output through files and passes stdin text', async () => {
    const outcome = await runProcess(
      {
        file: 'bash',
        args: ['-c', 'read -r line; echo "got $line"; echo oops >&2'],
        stdin: 'hi\n'
      },
      { output: 'capture' }
    )
    expect(outcome).toMatchObject({
      kind: 'exited',
      exitCode: 0,
      captured: { stdout: 'got hi\n', stderr: 'oops\n' }
    })
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

  // A child in a session of its own (setsid), as Pulumi's plugins are in groups of their
  // own, and a plain background child of a command that succeeded: neither outlives it.
  const ESCAPING = `setsid sleep 300 & echo $! >> "$PID_FILE"; sleep 300 & echo $! >> "$PID_FILE"`

  it('kills what a successful command left running, in its group or out of it', async () => {
    const pidFile = join(tempDir(), 'pids')
    const outcome = await runProcess(
      { file: 'bash', args: ['-c', ESCAPING], env: { ...process.env, PID_FILE: pidFile } },
      { output: 'ignore', timeoutMs: 10_000 }
    )
    expect(outcome).toMatchObject({ kind: 'exited', exitCode: 0 })
    const pids = await readPids(pidFile, 2)
    expect(pids).toHaveLength(2)
    for (const pid of pids) expect(await isGoneSoon(pid)).toBe(true)
  })

  it('kills what a timed-out command started in a session of its own', async () => {
    const pidFile = join(tempDir(), 'pids')
    const outcome = await runProcess(
      {
        file: 'bash',
        args: ['-c', `trap '' INT; ${ESCAPING}; sleep 300`],
        env: { ...process.env, PID_FILE: pidFile }
      },
      { output: 'ignore', timeoutMs: 300, stop: { onCancel: 'interrupt-then-kill', graceMs: 100 } }
    )
    expect(outcome).toMatchObject({ kind: 'timed-out' })
    const pids = await readPids(pidFile, 2)
    for (const pid of pids) expect(await isGoneSoon(pid)).toBe(true)
  })
})

describe('cancellation', () => {
  /** Starts a bash script that writes its pid when its traps are set, and the outcome. */
  async function started(script: string, stop: Parameters<typeof runProcess>[1]['stop']) {
    const pidFile = join(tempDir(), 'pids')
    const running = runProcess(
      { file: 'bash', args: ['-c', script], env: { ...process.env, PID_FILE: pidFile } },
      { output: 'ignore', timeoutMs: 60_000, stop, tag: 'stack-a', label: 'script' }
    )
    const [pid] = await readPids(pidFile, 1)
    return { running, pid: pid! }
  }

  it('lists a command while it runs, with its label and tag, and tells listeners', async () => {
    const seen: RunningProcess[][] = []
    const stop = onRunningProcessesChange(list => seen.push(list))
    try {
      const { running, pid } = await started('echo $$ > "$PID_FILE"; sleep 0.3', undefined)
      expect(runningProcesses()).toEqual([
        expect.objectContaining({ pid, label: 'script', tag: 'stack-a', interrupts: 0 })
      ])
      expect(await running).toMatchObject({ kind: 'exited', exitCode: 0 })
      expect(runningProcesses()).toEqual([])
      expect(seen.map(list => list.length)).toEqual([1, 0])
    } finally {
      stop()
    }
  })

  it('interrupt: one SIGINT to the group, then it gets all the time it takes', async () => {
    // Like Pulumi on its first SIGINT: finishes what is in flight, then exits non-zero.
    const { running, pid } = await started(
      `trap 'sleep 0.5; exit 3' INT; echo $$ > "$PID_FILE"; sleep 30 & wait`,
      { onCancel: 'interrupt', graceMs: 50 }
    )
    interruptRunningProcesses()
    expect(runningProcesses()).toEqual([expect.objectContaining({ pid, interrupts: 1 })])
    await new Promise(resolve => setTimeout(resolve, 200))
    expect(isRunning(pid)).toBe(true) // no SIGKILL after the 50 ms grace
    expect(await running).toEqual({ kind: 'aborted', exitCode: 3 })
  })

  it('interrupt-then-kill: SIGKILL to the group after the grace (the user commands)', async () => {
    const { running, pid } = await started(`trap '' INT; echo $$ > "$PID_FILE"; sleep 30 & wait`, {
      onCancel: 'interrupt-then-kill',
      graceMs: 200
    })
    interruptRunningProcesses()
    expect(await running).toMatchObject({ kind: 'aborted' })
    expect(await isGoneSoon(pid)).toBe(true)
  })

  it('finish: a cancellation sends nothing (stack init must not stop halfway)', async () => {
    const { running } = await started(`trap 'exit 9' INT; echo $$ > "$PID_FILE"; sleep 0.3`, {
      onCancel: 'finish',
      graceMs: 50
    })
    interruptRunningProcesses()
    expect(await running).toMatchObject({ kind: 'exited', exitCode: 0 })
  })

  it('finish-then-interrupt: the first cancellation sends nothing, a second one SIGINT', async () => {
    const spared = await started(`trap 'exit 9' INT; echo $$ > "$PID_FILE"; sleep 0.3`, {
      onCancel: 'finish-then-interrupt',
      graceMs: 50
    })
    interruptRunningProcesses(true)
    expect(await spared.running).toMatchObject({ kind: 'exited', exitCode: 0 })

    const stopped = await started(`trap 'exit 9' INT; echo $$ > "$PID_FILE"; sleep 5 & wait`, {
      onCancel: 'finish-then-interrupt',
      graceMs: 50
    })
    interruptRunningProcesses(true)
    interruptRunningProcesses(false)
    expect(await stopped.running).toMatchObject({ kind: 'aborted', exitCode: 9 })
  })

  it('finish-then-interrupt: a timeout kills it outright, where the others get SIGINT first', async () => {
    // Pulumi before 3.87 on SIGINT drops the operations in flight from its state while the
    // cloud keeps them; killed, it leaves them pending there for the teardown to find.
    const timedOut = async (onCancel: 'finish-then-interrupt' | 'interrupt') => {
      const marker = join(tempDir(), 'interrupted')
      const outcome = await runProcess(
        {
          file: 'bash',
          args: ['-c', `trap 'echo INT > "$MARK"; exit 9' INT; sleep 30 & wait`],
          env: { ...process.env, MARK: marker }
        },
        { output: 'ignore', timeoutMs: 300, stop: { onCancel, graceMs: 5_000 } }
      )
      return { outcome, interrupted: existsSync(marker) }
    }
    const killed = await timedOut('finish-then-interrupt')
    expect(killed.outcome).toMatchObject({ kind: 'timed-out' })
    expect(killed.interrupted).toBe(false)
    const interrupted = await timedOut('interrupt')
    expect(interrupted.outcome).toMatchObject({ kind: 'timed-out' })
    expect(interrupted.interrupted).toBe(true)
  })

  it('untilAborted returns at once on abort and leaves the command running', async () => {
    const controller = new AbortController()
    const { running, pid } = await started(`echo $$ > "$PID_FILE"; sleep 0.5`, undefined)
    const waited = untilAborted(running, controller.signal)
    controller.abort()
    expect(await waited).toEqual({ kind: 'aborted' })
    expect(isRunning(pid)).toBe(true)
    expect(await running).toMatchObject({ kind: 'exited', exitCode: 0 })
  })
})
