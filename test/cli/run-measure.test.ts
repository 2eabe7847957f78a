import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ResultsFile } from '../../src/results/schema'
import { cli } from '../helpers/cli'
import { RunFolder } from '../helpers/commands'

/** Seven samples per group, no early stop: enough for a stable median, quick to run. */
const FIXED = ['--samples', '7', '--looks', '1']
/**
 * Spawned directly, so no shell's cost is subtracted: a sample can then only be longer
 * than its sleep. Through a shell, the mean cost of an empty shell measured at the start
 * (SPEC §7) is subtracted, and a burst of load during that measurement makes it more than
 * a calm sample's shell cost: a `sleep 0.05` came out at 43 ms on a loaded CI machine.
 */
const DIRECT = ['--shell', 'none']

describe('run with two commands of known length', () => {
  // How close the times come to the truth is `npm run bench:hyperfine`'s job: a loaded
  // machine only makes samples longer, so only lower bounds are asserted here.
  it('measures sleep 0.05 and sleep 0.1 and calls the slower candidate a regression', async () => {
    const run = new RunFolder()
    const { status, stdout } = await cli(
      run.args('sleep 0.05', 'sleep 0.1', ...FIXED, ...DIRECT),
      run.env()
    )
    const { results, comparison } = run.results()
    expect(results[0]!.min).toBeGreaterThan(0.05 * 0.9)
    expect(results[1]!.min).toBeGreaterThan(0.1 * 0.9)
    expect(results.map(result => result.times.length)).toEqual([7, 7])
    if (process.platform === 'linux') {
      for (const result of results) {
        expect(result.user_times).toHaveLength(7)
        expect(result.system_times).toHaveLength(7)
      }
    }
    expect(comparison.verdict).toBe('regression')
    expect(stdout).toContain('Verdict: regression')
    expect(status).toBe(1)
  })

  it('calls the faster candidate an improvement and exits 0', async () => {
    const run = new RunFolder()
    const { status } = await cli(
      run.args('sleep 0.1', 'sleep 0.05', ...FIXED, ...DIRECT),
      run.env()
    )
    const { results, comparison } = run.results()
    expect(results[0]!.min).toBeGreaterThan(0.1 * 0.9)
    expect(results[1]!.min).toBeGreaterThan(0.05 * 0.9)
    expect(comparison.verdict).toBe('improvement')
    expect(status).toBe(0)
  })

  it('prints exactly the results file with --format json', async () => {
    const run = new RunFolder()
    const { status, stdout, stderr } = await cli(
      run.args('sleep 0.02', 'sleep 0.06', ...FIXED, '--format', 'json'),
      run.env()
    )
    expect(stdout).toBe(readFileSync(run.resultsFile, 'utf8'))
    const parsed = JSON.parse(stdout) as ResultsFile
    expect(parsed.results.map(result => result.command)).toEqual(['sleep 0.02', 'sleep 0.06'])
    expect(parsed.comparison.verdict).toBe('regression')
    expect(status).toBe(1)
    // Progress went to stderr, one line per run: 1 warmup and 7 samples per group.
    expect(stderr.match(/^(baseline|candidate) (warmup|sample) \d+\/\d+: /gm)).toHaveLength(16)
  })

  it('announces the looks the design makes, not the most it was allowed', async () => {
    const run = new RunFolder()
    const flags = ['--samples', '4', '--looks', '10', '--fail-on', 'never']
    const { stderr } = await cli(run.args('true', 'true', ...flags), run.env())
    const looks = run.results().comparison.design.looks
    expect(looks).toHaveLength(2) // at 3 and 4 samples
    expect(stderr).toContain('up to 4 samples each, 2 looks\n')
  })
})

describe('run --shell none', () => {
  it('spawns the words directly, so $HOME stays literal', async () => {
    const run = new RunFolder()
    const literal = run.path('$HOME')
    const { status, stderr } = await cli(
      run.args(
        'sleep 0.01',
        `touch ${literal}`,
        '--shell',
        'none',
        '--samples',
        '2',
        '--looks',
        '1'
      ),
      run.env()
    )
    expect(stderr).not.toContain('pulumi-perf-gate:')
    expect(existsSync(literal)).toBe(true)
    expect(run.results().results[1]!.command).toBe(`touch ${literal}`)
    expect(status).toBe(0)
  })
})

describe('run leftovers', () => {
  // Without RUNNER_TEMP this is the system's temp folder: every run would litter it.
  it('leaves nothing behind in RUNNER_TEMP once it is done', async () => {
    const run = new RunFolder()
    const { status } = await cli(
      run.args('sleep 0.01', 'sleep 0.01', '--samples', '2', '--looks', '1', '--fail-on', 'never'),
      run.env()
    )
    expect(status).toBe(0)
    expect(readdirSync(run.runnerTemp)).toEqual([])
  })
})
