/**
 * One answer (issue 18): the action, run from the bundle as the runner runs it, and the
 * command line say the same thing on the same results file, and a file of ours gives
 * the verdict its run recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ResultsFile } from '../../src/results/schema'
import { ActionHarness } from '../helpers/action-runner'
import { cli } from '../helpers/cli'
import { fixturePath } from '../helpers/experiments'

let harness: ActionHarness
beforeAll(async () => {
  harness = await ActionHarness.start('ghs_oneAnswerToken0123456789abcdefABCD')
}, 60_000)
afterAll(() => harness.close())

// `run` judged it unchanged at ±5% after stopping early (fixtures/hyperfine/README.md).
const unchanged = fixturePath('hyperfine', 'run-unchanged.json')

describe('the action and the command line on the same results', () => {
  it('give the headline and verdict the run recorded', async () => {
    const step = await harness
      .job({ mode: 'report', results: unchanged, comment: 'never' })
      .run('index')
    expect(step.exitCode, step.stdout).toBe(0)
    const reported = await cli(['report', unchanged, '--format', 'markdown'])
    const compared = await cli(['compare', unchanged, '--format', 'json'])
    const comparedText = await cli(['compare', unchanged])
    expect(step.outputs.verdict).toBe('unchanged')
    expect((JSON.parse(compared.stdout) as ResultsFile).comparison.verdict).toBe('unchanged')
    expect(comparedText.stdout.split('\n')[0]).toMatch(/^benchmark: Unchanged: /)
    expect([reported.status, compared.status]).toEqual([0, 0])
    expect(step.summary.split('\n')[0]).toBe(reported.stdout.split('\n')[0])
    expect(step.summary.split('\n')[0]).toMatch(/^## ⚪ Unchanged/)
  }, 60_000)

  it('compare says so beside the new verdict when a flag changes it', async () => {
    const { stdout } = await cli(['compare', unchanged, '--threshold', '0%'])
    expect(stdout).toMatch(/^Verdict: inconclusive$/m)
    expect(stdout).toContain(
      'The run recorded the verdict unchanged; this analysis gives inconclusive because of --threshold 0% (the run used ±5%).'
    )
  })
})
