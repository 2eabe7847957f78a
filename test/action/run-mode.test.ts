import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ResultsFile } from '../../src/results/schema'
import type { Verdict } from '../../src/stats/types'
import { buildResults, spread } from '../helpers/build-results'
import { fakeCore, record, resetFakeCore } from '../helpers/fake-core'

vi.mock('@actions/core', () => fakeCore)
let results: ResultsFile
const runPipeline = vi.fn((_config: unknown, hooks: { saveStacks?: (text: string) => void }) => {
  hooks.saveStacks?.('{"version":1,"stacks":[]}')
  return Promise.resolve({ finished: true, results })
})
vi.mock('../../src/run/pipeline', () => ({ runPipeline }))

const { runMode } = await import('../../src/action/run-mode')
const { actionLog } = await import('../../src/action/log')

const inputs = {
  'baseline-command': 'sleep 0.1',
  'candidate-command': 'sleep 0.2',
  comment: 'never',
  'results-file': '/tmp/ppg-run-mode/results.json'
}

function withVerdict(verdict: Verdict): ResultsFile {
  const slow = verdict === 'regression' ? 1.5 : 1
  return buildResults({ baseline: spread(10, 1, 0.01), candidate: spread(10, slow, 0.01), verdict })
}

beforeEach(() => {
  vi.stubEnv('GITHUB_STEP_SUMMARY', '')
})

describe('run mode', () => {
  it('sets every output from the results and saves the stacks for the post step', async () => {
    resetFakeCore({ inputs })
    results = withVerdict('unchanged')
    await runMode(
      inputs,
      '',
      actionLog(text => text)
    )
    expect(record.outputs).toMatchObject({
      verdict: 'unchanged',
      ratio: results.comparison.ratio.value,
      'p-value': results.comparison.welch.pRegression,
      'baseline-mean': results.results[0]!.mean,
      'candidate-mean': results.results[1]!.mean,
      samples: results.comparison.samples,
      'results-file': inputs['results-file'],
      'comment-url': ''
    })
    expect(record.saved).toEqual({ stacks: '{"version":1,"stacks":[]}' })
    expect(record.summary).toHaveLength(1)
    expect(record.summary[0]).toContain('Unchanged')
    expect(record.failed).toEqual([])
  })

  it('fails the step with the headline on a regression', async () => {
    resetFakeCore({ inputs })
    results = withVerdict('regression')
    await runMode(
      inputs,
      '',
      actionLog(text => text)
    )
    expect(record.outputs.verdict).toBe('regression')
    expect(record.failed).toHaveLength(1)
    expect(record.failed[0]).toMatch(/^Regression: candidate /)
  })

  it('does not fail a regression under fail-on: never', async () => {
    const never = { ...inputs, 'fail-on': 'never' }
    resetFakeCore({ inputs: never })
    results = withVerdict('regression')
    await runMode(
      never,
      '',
      actionLog(text => text)
    )
    expect(record.failed).toEqual([])
  })
})
