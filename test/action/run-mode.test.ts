import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { runProcess } from '../../src/bench/process/spawn'
import type { RunHooks, RunOutcome } from '../../src/run/pipeline/pipeline'
import type { ResultsFile } from '../../src/results/schema'
import type { Verdict } from '../../src/stats/types'
import { InputError } from '../../src/core/errors/errors'
import { NO_SECRETS } from '../../src/core/redact'
import { buildResults, spread } from '../helpers/build-results'
import { fakeCore, record, resetFakeCore } from '../helpers/fake-core'

vi.mock('@actions/core', () => fakeCore)
let results: ResultsFile
let kept: string[] = []
/** What the pipeline does with the hooks it is given; by default it succeeds at once. */
let behaviour = (hooks: RunHooks): Promise<RunOutcome> => {
  hooks.saveStacks?.('{"version":1,"stacks":[]}')
  mkdirSync(dirname(inputs['results-file']), { recursive: true })
  writeFileSync(inputs['results-file'], JSON.stringify(results))
  return Promise.resolve({ finished: true, results, kept })
}
const runPipeline = vi.fn((_config: unknown, hooks: RunHooks) => behaviour(hooks))
vi.mock('../../src/run/pipeline/pipeline', () => ({ runPipeline }))

const { runMode } = await import('../../src/action/modes/run-mode')
const { MAIN_STEP_DEADLINE_MS } = await import('../../src/action/guarded-run')
const { actionLog } = await import('../../src/action/log')
const { headline } = await import('../../src/report/headline')
const log = actionLog(NO_SECRETS)

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

const defaultBehaviour = behaviour
beforeEach(() => {
  rmSync(dirname(inputs['results-file']), { recursive: true, force: true })
  vi.stubEnv('GITHUB_STEP_SUMMARY', '')
  runPipeline.mockClear()
  kept = []
  behaviour = defaultBehaviour
})
afterEach(() => vi.useRealTimers())

describe('run mode', () => {
  it('sets every output from the results and saves the stacks for the post step', async () => {
    resetFakeCore({ inputs })
    results = withVerdict('unchanged')
    await runMode(inputs, '', log)
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

  it('shows the headline in the log of a run that passes', async () => {
    resetFakeCore({ inputs })
    results = withVerdict('unchanged')
    await runMode(inputs, '', log)
    expect(record.failed).toEqual([])
    expect(record.info).toContain(headline(results))
  })

  it('names no results file that a run stopped in its setup never wrote', async () => {
    resetFakeCore({ inputs })
    behaviour = () =>
      Promise.resolve({ finished: false, error: new InputError('config: "a b" is not key: value') })
    await expect(runMode(inputs, '', log)).rejects.toThrow('config: "a b"')
    expect(record.outputs).not.toHaveProperty('results-file')
    expect(record.summary[0]).toMatch(/^## ❌ Failed: config: &quot;a b&quot; is not key: value/)
  })

  it('replaces the report with the failure when an input is bad, before anything runs', async () => {
    const bad = { ...inputs, timeout: 'soon' }
    resetFakeCore({ inputs: bad })
    await expect(runMode(bad, '', log)).rejects.toThrow(/^timeout: "soon"/)
    expect(runPipeline).not.toHaveBeenCalled()
    expect(record.summary).toHaveLength(1)
    expect(record.summary[0]).toMatch(/^## ❌ Failed: timeout: &quot;soon&quot;/)
    expect(record.summary[0]).toContain('an earlier verdict on this pull request no longer stands')
  })

  it('fails the step with the headline on a regression', async () => {
    resetFakeCore({ inputs })
    results = withVerdict('regression')
    await runMode(inputs, '', log)
    expect(record.outputs.verdict).toBe('regression')
    expect(record.failed).toHaveLength(1)
    expect(record.failed[0]).toMatch(/^Regression: candidate /)
  })

  it('does not fail a regression under fail-on: never', async () => {
    const never = { ...inputs, 'fail-on': 'never' }
    resetFakeCore({ inputs: never })
    results = withVerdict('regression')
    await runMode(never, '', log)
    expect(record.failed).toEqual([])
  })

  it('still reports, then fails naming every stack it had to keep', async () => {
    resetFakeCore({ inputs })
    results = withVerdict('unchanged')
    kept = ['stack p-baseline (file:///b) was kept; 3 resources remain']
    await expect(runMode(inputs, '', log)).rejects.toThrow(
      'stack p-baseline (file:///b) was kept; 3 resources remain'
    )
    expect(record.summary).toHaveLength(1)
  })

  it('saves every command of ours while it runs, so a post step after a kill finds it', async () => {
    resetFakeCore({ inputs })
    results = withVerdict('unchanged')
    const saved: string[] = []
    const saveState = vi.spyOn(fakeCore, 'saveState')
    saveState.mockImplementation((name, value) => {
      if (name === 'processes') saved.push(String(value))
    })
    behaviour = async hooks => {
      await runProcess({ file: 'true', args: [] }, { output: 'ignore', tag: 'p-baseline' })
      return defaultBehaviour(hooks)
    }
    await runMode(inputs, '', log)
    saveState.mockRestore()
    const tags = (text: string) => (JSON.parse(text) as Array<{ tag: string }>).map(p => p.tag)
    // The last is written again once the commands are done, so no command's state wins.
    expect(saved.map(tags)).toEqual([['p-baseline'], [], []])
  })

  it('on the runner’s SIGINT stops measuring and leaves the teardown to the post step', async () => {
    resetFakeCore({ inputs })
    let given: RunHooks | undefined
    behaviour = hooks => {
      given = hooks
      return new Promise((_, reject) =>
        hooks.signal!.addEventListener('abort', () => reject(new Error('aborted during sample 2')))
      )
    }
    const running = runMode(inputs, '', log)
    await vi.waitUntil(() => given !== undefined)
    process.kill(process.pid, 'SIGINT')
    await expect(running).rejects.toThrow('aborted during sample 2')
    expect(given).toMatchObject({ deferTeardown: true })
    expect(given!.teardownSignal).toBe(given!.signal)
    expect(record.warnings).toEqual([
      expect.stringMatching(/^Received SIGINT: stopping the benchmark; /)
    ])
  })

  it('leaves within its deadline when the pipeline does not settle after the signal', async () => {
    resetFakeCore({ inputs })
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    behaviour = () => new Promise(() => {})
    const running = runMode(inputs, '', log)
    const settled = running.catch((error: unknown) => error)
    await vi.waitUntil(() => runPipeline.mock.calls.length > 0)
    process.kill(process.pid, 'SIGINT')
    await vi.waitUntil(() => record.warnings.length > 0)
    await vi.advanceTimersByTimeAsync(MAIN_STEP_DEADLINE_MS)
    expect(String(await settled)).toMatch(/the post step/)
  })
})
