import { describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli'
import { RunFolder } from '../helpers/commands'

async function runUntilVerdict(baseline: string, candidate: string, ...flags: string[]) {
  const run = new RunFolder()
  const { status } = await cli(run.args(baseline, candidate, ...flags), run.env())
  return { status, results: run.results() }
}

describe('run stops early', () => {
  it('at the first look when the candidate is 3 times slower', async () => {
    const { status, results } = await runUntilVerdict(
      'sleep 0.03',
      'sleep 0.09',
      ...['--samples', '20', '--looks', '4']
    )
    const { comparison } = results
    expect(comparison.verdict).toBe('regression')
    expect(comparison.looks).toHaveLength(1)
    expect(comparison.stoppedEarly).toBe(true)
    // The first of 4 looks over 20 samples is at 5 per group, and no sample was taken after it.
    expect(comparison.looks[0]!.samples).toBe(5)
    expect(results.results.map(result => result.times.length)).toEqual([5, 5])
    expect(results.schedule!.filter(entry => entry.index >= 0)).toHaveLength(10)
    expect(status).toBe(1)
  })

  it('before the last look when two identical commands are equivalent within 5%', async () => {
    const { status, results } = await runUntilVerdict(
      'sleep 0.05',
      'sleep 0.05',
      ...['--samples', '40', '--looks', '4', '--threshold', '5%']
    )
    const { comparison } = results
    expect(comparison.verdict).toBe('unchanged')
    expect(comparison.looks.length).toBeLessThan(4)
    expect(comparison.stoppedEarly).toBe(true)
    expect(results.results[0]!.times.length).toBeLessThan(40)
    expect(status).toBe(0)
  })
})
