import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli'
import { appendLine, benchFixture, RunFolder, switchAfter } from '../helpers/commands'
import { isGoneSoon, readPids } from '../bench/fixtures/processes'

/**
 * Warmup 1, then samples AB BA AB: the candidate's 4th call is its 3rd sample, run
 * after the baseline's 3rd. So when it breaks, 3 baseline and 2 candidate samples
 * are measured.
 */
const FLAGS = ['--samples', '6', '--looks', '1', '--warmup', '1']
const BREAKS_ON_CALL = 4

/** A run whose candidate works for its first calls, then runs `breaking`. */
async function runBreakingCandidate(run: RunFolder, breaking: string, ...flags: string[]) {
  const candidate = switchAfter(run.path('calls'), BREAKS_ON_CALL - 1, 'sleep 0.02', breaking)
  const cleanup = appendLine(run.path('cleanup.log'), 'cleaned')
  return cli(run.args('sleep 0.02', candidate, ...FLAGS, '--cleanup', cleanup, ...flags), run.env())
}

/** What every stopped run must leave: cleanup done once, the samples so far on disk. */
function expectStoppedRun(run: RunFolder, error: RegExp) {
  expect(run.lines('cleanup.log')).toEqual(['cleaned'])
  const partial = run.partialResults()
  expect(partial.error).toMatch(error)
  expect(partial.results.map(result => result.times.length)).toEqual([3, 2])
  expect(partial.results[1]!.exit_codes).toEqual([0, 0])
}

describe('run with a breaking candidate', () => {
  it('stops on a failing sample: exit 1, its exit code and last log lines, no orphans', async () => {
    const run = new RunFolder()
    const pidFile = run.path('pids')
    // Prints "output line 1" to "output line 30", leaves a `sleep 30` behind, exits 3.
    const failing = benchFixture('spawn-and-exit.sh', { PID_FILE: pidFile })
    const { status, stdout, stderr } = await runBreakingCandidate(run, failing)

    expect(status).toBe(1)
    // stdout leads with the failure and shows the samples so far (issue 18: it was empty).
    expect(stdout).toMatch(/^\S+: Failed: candidate sample 3 of 6 .* failed with exit code 3/)
    expect(stdout).toMatch(/^Samples so far:$/m)
    expect(stderr).toMatch(/candidate sample 3 of 6 .* failed with exit code 3/)
    // The log's last 20 lines, and no more.
    expect(stderr).toMatch(/^ {2}output line 11$/m)
    expect(stderr).toMatch(/^ {2}output line 30$/m)
    expect(stderr).not.toMatch(/output line 10$/m)
    const [orphan] = await readPids(pidFile, 1)
    expect(await isGoneSoon(orphan!)).toBe(true)
    expectStoppedRun(run, /exit code 3/)
  })

  it('stops on a timed-out sample (--timeout in fractions of a minute) the same way', async () => {
    const run = new RunFolder()
    const pidFile = run.path('pids')
    // Writes its own pid and a grandchild's, then waits for ever.
    const hanging = `echo about to hang; ${benchFixture('spawn-and-wait.sh', { PID_FILE: pidFile })}`
    const { status, stderr } = await runBreakingCandidate(run, hanging, '--timeout', '0.005')

    expect(status).toBe(1)
    expect(stderr).toMatch(/candidate sample 3 of 6 .* timed out after 300 ms/)
    expect(stderr).toMatch(/^ {2}about to hang$/m)
    for (const pid of await readPids(pidFile, 2)) expect(await isGoneSoon(pid)).toBe(true)
    expectStoppedRun(run, /timed out/)
  })
})

describe('run --format markdown with a breaking candidate', () => {
  it('prints the failure as the comment would show it, and exits 1', async () => {
    const run = new RunFolder()
    const { status, stdout } = await runBreakingCandidate(run, 'exit 3', '--format', 'markdown')
    expect(status).toBe(1)
    expect(stdout).toMatch(/^## ❌ Failed: candidate sample 3 of 6 .* failed with exit code 3/)
    expect(stdout).toContain('**Samples so far**')
  })
})

describe('run --format json with a breaking candidate', () => {
  it('prints the results file of the run that did not finish, and exits 1', async () => {
    const run = new RunFolder()
    const { status, stdout, stderr } = await runBreakingCandidate(run, 'exit 3', '--format', 'json')
    expect(status).toBe(1)
    expect(stderr).toMatch(
      /^pulumi-perf-gate: candidate sample 3 of 6 .* failed with exit code 3\./m
    )
    expect(stdout).toBe(readFileSync(run.resultsFile, 'utf8'))
    expectStoppedRun(run, /exit code 3/)
  })
})
