import { describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli'
import { RunFolder } from '../helpers/commands'

async function runUntilVerdict(baseline: string, candidate: string, ...flags: string[]) {
  const run = new RunFolder()
  const { status } = await cli(run.args(baseline, candidate, ...flags), run.env())
  return { status, results: run.results() }
}

describe('run stops early', () => {
  it('at the first look when the candidate is 10 times slower', async () => {
    const { status, results } = await runUntilVerdict(
      // 10×, so that the first look's tiny level is crossed even on a busy machine.
      'sleep 0.02',
      'sleep 0.2',
      ...['--samples', '20']
    )
    const { comparison } = results
    expect(comparison.verdict).toBe('regression')
    expect(comparison.stoppedEarly).toBe(true)
    // The default design looks first at 3 per group; a quiet machine decides there, a
    // busy one a look or two later. No sample was taken after the deciding look.
    expect(comparison.looks[0]!.samples).toBe(3)
    expect(comparison.looks.length).toBeLessThanOrEqual(3)
    const used = comparison.looks.at(-1)!.samples
    expect(results.results.map(result => result.times.length)).toEqual([used, used])
    expect(results.schedule!.filter(entry => entry.index >= 0)).toHaveLength(2 * used)
    expect(status).toBe(1)
  })

  it('before the last look when two identical commands are equivalent within 20%', async () => {
    const { status, results } = await runUntilVerdict(
      'sleep 0.05',
      'sleep 0.05',
      ...['--samples', '40', '--threshold', '20%']
    )
    const { comparison } = results
    expect(comparison.verdict).toBe('unchanged')
    expect(comparison.looks.length).toBeLessThan(comparison.plannedLooks)
    expect(comparison.stoppedEarly).toBe(true)
    expect(results.results[0]!.times.length).toBeLessThan(40)
    expect(status).toBe(0)
  })
})
