import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Calibration } from '../../src/results/calibration'
import type { ResultsFile } from '../../src/results/schema'
import { cli } from '../helpers/cli'
import { RunFolder } from '../helpers/commands'

describe('calibrate', () => {
  it('runs one command as both groups and says what this runner can promise', async () => {
    const run = new RunFolder()
    const flags = ['--samples', '6', '--warmup', '0', '--results-file', run.resultsFile]
    const output = await cli(['calibrate', '--command', 'sleep 0.01', ...flags], run.env())
    expect(output.status, output.stderr).toBe(0)
    expect(output.stdout).toMatch(/^Calibration of calibrate: the same thing as both groups/)
    expect(output.stdout).toMatch(/noise: CV [\d.]+%, skew -?[\d.]+, spikes [\d.]+% of samples/)
    expect(output.stdout).toMatch(/lag-1 autocorrelation -?[\d.]+/)
    expect(output.stdout).toMatch(/caught in 80% of runs, .* in 95%/)
    expect(output.stdout).toMatch(
      /Inputs to paste:\n {2}threshold: 5%\n {2}samples: \d+\n {2}statistic: (mean|trimmed)/
    )

    const file = JSON.parse(readFileSync(run.resultsFile, 'utf8')) as ResultsFile & {
      calibration: Calibration
    }
    // Both groups ran the same command, every sample: no early stop.
    expect(file.results.map(result => result.command)).toEqual(['sleep 0.01', 'sleep 0.01'])
    expect(file.results.map(result => result.times.length)).toEqual([6, 6])
    const phase = file.calibration.phases.command!
    expect(phase.samples).toBe(12)
    expect(phase.caught95 ?? Infinity).toBeGreaterThanOrEqual(phase.caught80 ?? 0)

    // A results file `compare` reads, like any run's.
    const compared = await cli(['compare', run.resultsFile])
    expect(compared.status, compared.stderr).toBe(0)
    expect(compared.stdout).toContain('sleep 0.01')
  })

  it.each([
    [[], /calibrate needs one of --command .* or --pulumi-version/],
    [['--command', 'true', '--pulumi-version', '3.43.1'], /calibrate needs one of/],
    [['--command', 'true', '--baseline-command', 'x'], /Unknown option '--baseline-command'/],
    [['--command', 'true', '--samples', '1'], /samples/]
  ])('refuses %j in one line, exit 2', async (flags, message) => {
    const output = await cli(['calibrate', ...flags], new RunFolder().env())
    expect(output.status).toBe(2)
    expect(output.stderr).toMatch(message)
    expect(output.stderr.trim().split('\n')).toHaveLength(1)
  })
})
