import { describe, expect, it } from 'vitest'
import { cli, tempFile } from '../helpers/cli'
import { benchFixture, RunFolder } from '../helpers/commands'

const SAMPLES = 8
const REPETITIONS = 3

/**
 * An A/A run on a machine that drifts: both groups run the same command, and each
 * call sleeps 20 ms longer than the one before (test/bench/fixtures/drift.sh).
 */
async function driftingAA() {
  const run = new RunFolder()
  const drifting = benchFixture('drift.sh', { COUNTER_FILE: run.path('calls') })
  const flags = ['--samples', String(SAMPLES), '--looks', '1', '--warmup', '0']
  const { status } = await cli(run.args(drifting, drifting, ...flags), run.env())
  return { status, results: run.results() }
}

describe('run under drift', () => {
  it('finds no regression in an A/A run, where measuring in blocks would', async () => {
    for (let repetition = 0; repetition < REPETITIONS; repetition++) {
      const { status, results } = await driftingAA()
      expect(results.comparison.verdict).not.toBe('regression')
      expect(status).toBe(0)

      // The same measured times, taken as two consecutive blocks (all of one group,
      // then all of the other) instead of interleaved: drift alone reads as a regression.
      const inRunOrder = results.schedule!.filter(entry => entry.index >= 0).map(e => e.time)
      expect(inRunOrder).toHaveLength(2 * SAMPLES)
      const blocks = tempFile('blocks.json', {
        results: [
          { command: 'first block', times: inRunOrder.slice(0, SAMPLES) },
          { command: 'second block', times: inRunOrder.slice(SAMPLES) }
        ]
      })
      const blocked = await cli(['compare', blocks, '--threshold', '5%', '--format', 'json'])
      expect(JSON.parse(blocked.stdout)).toMatchObject({ comparison: { verdict: 'regression' } })
      expect(blocked.status).toBe(1)
    }
  })
})
