import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { once } from 'node:events'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { appendLine, benchFixture, BUNDLED_CLI, RunFolder, switchAfter } from '../helpers/commands'
import { isGoneSoon, readPids } from '../bench/fixtures/processes'

// SIGHUP: the terminal closed, the ssh session dropped.
describe.each(['SIGTERM', 'SIGHUP'] as const)('run interrupted by %s', signal => {
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
    child.kill(signal)
    const [code] = (await exited) as [number | null]

    expect(code).toBe(1)
    expect(stderr).toContain(`Received ${signal}`)
    for (const pid of pids) expect(await isGoneSoon(pid)).toBe(true)
    expect(run.lines('cleanup.log')).toEqual(['cleaned'])
    const partial = run.partialResults()
    expect(partial.error).toMatch(/aborted/)
    expect(partial.results.map(result => result.times.length)).toEqual([1, 1])
  })
})

describe('run interrupted by Ctrl-C after its samples', () => {
  it('stops the cleanup and exits non-zero, keeping the verdict', async () => {
    const run = new RunFolder()
    const started = run.path('cleanup-started')
    const cleanup = `${appendLine(started, 'started')}; sleep 20`
    const args = run.args('true', 'true', '--samples', '3', '--looks', '1', '--cleanup', cleanup)
    const child = spawn(process.execPath, [BUNDLED_CLI, ...args], {
      env: { ...process.env, ...run.env() },
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = once(child, 'exit')
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    })
    await vi.waitUntil(() => run.lines('cleanup-started').length > 0, {
      timeout: 20_000,
      interval: 50
    })
    child.kill('SIGINT')
    const [code] = (await exited) as [number | null]
    expect(code, stderr).toBe(1)
    expect(stderr).toContain('the cleanup runs (a second Ctrl-C skips the cleanup)')
    expect(stderr).not.toContain('stacks')
    expect(stderr).toMatch(/cleanup step 1 of 1 .* was aborted/)
    expect(stderr).toMatch(
      /pulumi-perf-gate: interrupted after the samples, while tearing down \(received SIGINT\); the verdict above stands\n$/
    )
    expect(run.results().comparison.looks).toHaveLength(1)
  })
})

describe('run interrupted by Ctrl-C before its first sample', () => {
  it('writes no results file, says so in one line and exits 1', async () => {
    const run = new RunFolder()
    // A family of 7: a design no table holds, computed after the first line, then warmup
    // runs of half a second: the Ctrl-C comes before a sample.
    const args = run.args('sleep 0.5', 'sleep 0.5', '--samples', '5', '--family-size', '7')
    const child = spawn(process.execPath, [BUNDLED_CLI, ...args], {
      env: { ...process.env, ...run.env() },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = once(child, 'exit')
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    })
    await vi.waitUntil(() => stderr.includes('\n'), { timeout: 20_000, interval: 10 })
    child.kill('SIGINT')
    const [code] = (await exited) as [number | null]

    expect(code, stderr).toBe(1)
    expect(stderr).toMatch(/^Measuring sleep 0.5 \(baseline\) against sleep 0.5 \(candidate\)/)
    expect(stderr).toMatch(
      /\npulumi-perf-gate: stopped before the first sample \(received SIGINT\): nothing was measured, so no results file was written\n$/
    )
    expect(stderr).not.toMatch(/sample 1\//)
    expect(existsSync(run.resultsFile)).toBe(false)
    // The report on stdout, as of every run that did not finish: no verdict.
    expect(stdout).toMatch(/^benchmark: Interrupted: stopped before the first sample/)
  })
})
