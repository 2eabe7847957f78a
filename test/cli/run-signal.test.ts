import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { describe, expect, it, onTestFinished } from 'vitest'
import { appendLine, benchFixture, BUNDLED_CLI, RunFolder, switchAfter } from '../helpers/commands'
import { isGoneSoon, readPids } from '../bench/fixtures/processes'

describe('run interrupted by SIGTERM', () => {
  // The bundled CLI in its own process: the signal must reach the command line's handlers.
  it('stops the running sample, cleans up, writes the samples so far and exits non-zero', async () => {
    const run = new RunFolder()
    const pidFile = run.path('pids')
    // The candidate's third call (its second sample) hangs, with a grandchild.
    const hanging = benchFixture('spawn-and-wait.sh', { PID_FILE: pidFile })
    const candidate = switchAfter(run.path('calls'), 2, 'sleep 0.02', hanging)
    const cleanup = appendLine(run.path('cleanup.log'), 'cleaned')
    const child = spawn(
      process.execPath,
      [BUNDLED_CLI, ...run.args('sleep 0.02', candidate, '--samples', '6', '--cleanup', cleanup)],
      { env: { ...process.env, ...run.env() }, stdio: ['ignore', 'ignore', 'pipe'] }
    )
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = once(child, 'exit')
    // If an assertion fails first, the CLI must not outlive the test.
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    })

    const pids = await readPids(pidFile, 2)
    child.kill('SIGTERM')
    const [code] = (await exited) as [number | null]

    expect(code).toBe(1)
    expect(stderr).toContain('Received SIGTERM')
    for (const pid of pids) expect(await isGoneSoon(pid)).toBe(true)
    expect(run.lines('cleanup.log')).toEqual(['cleaned'])
    const partial = run.partialResults()
    expect(partial.error).toMatch(/aborted/)
    expect(partial.results.map(result => result.times.length)).toEqual([1, 1])
  })
})
