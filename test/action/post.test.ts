import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { FinishOptions } from '../../src/teardown/post-step'
import type { SavedRun } from '../../src/teardown/saved-state'
import type { TeardownReport } from '../../src/teardown/teardown'
import { fakeCore, record, resetFakeCore } from '../helpers/fake-core'

vi.mock('@actions/core', () => fakeCore)
const given: SavedRun[] = []
const options: FinishOptions[] = []
let report: TeardownReport = { kept: [], warnings: [], deferred: false }
vi.mock('../../src/teardown/post-step', () => ({
  finishTeardown: (saved: SavedRun, finish: FinishOptions) => {
    given.push(saved)
    options.push(finish)
    return Promise.resolve(report)
  }
}))

const { cleanUpAfterMain } = await import('../../src/action/post')

const ref = (stack: string) => ({
  binary: '/p/pulumi',
  programDir: '/prog',
  stack,
  backendUrl: 'file:///b'
})
const plan = {
  version: 1,
  resultsDir: '/r',
  logDir: '/r/logs',
  workDir: '/w',
  destroyTimeoutMs: 1000
}
const up = { pid: 4242, label: 'pulumi up', tag: 'p-stuck', interruptible: true, interrupts: 1 }
const state = {
  stacks: JSON.stringify({ version: 1, stacks: [ref('p-baseline'), ref('p-stuck')] }),
  teardown: JSON.stringify(plan),
  processes: JSON.stringify([up])
}

beforeEach(() => {
  given.length = 0
  options.length = 0
  report = { kept: [], warnings: [], deferred: false }
})

describe('the post step', () => {
  it('does nothing when the main step finished its teardown', async () => {
    resetFakeCore({ state: { stacks: '{"version":1,"stacks":[]}', teardown: '', processes: '[]' } })
    await cleanUpAfterMain()
    expect(given).toEqual([])
    expect(record.failed).toEqual([])
  })

  it('finishes the teardown from the saved state: stacks, plan and running commands', async () => {
    resetFakeCore({ state })
    report = {
      kept: [],
      warnings: ['cleanup step 1 of 1 (false) failed with exit code 1'],
      deferred: false
    }
    await cleanUpAfterMain()
    expect(given).toHaveLength(1)
    expect(given[0]!.stacks.map(known => known.stack)).toEqual(['p-baseline', 'p-stuck'])
    expect(given[0]!.plan).toEqual({ ...plan, version: undefined })
    expect(given[0]!.processes).toEqual([up])
    expect(record.warnings).toEqual(['cleanup step 1 of 1 (false) failed with exit code 1'])
    expect(record.failed).toEqual([])
  })

  it("has the run's logs redacted of the secrets the step knows", async () => {
    const token = 'pul-9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d'
    vi.stubEnv('PULUMI_ACCESS_TOKEN', token)
    resetFakeCore({ state })
    await cleanUpAfterMain()
    vi.unstubAllEnvs()
    expect(options[0]!.redact?.(`401: ${token}`)).toBe('401: ***')
  })

  it('fails naming every stack it had to keep', async () => {
    resetFakeCore({ state })
    report = {
      kept: ['stack p-stuck was kept; 2 pending operations', 'stack p-baseline was kept'],
      warnings: [],
      deferred: false
    }
    await cleanUpAfterMain()
    expect(record.failed).toEqual([
      'stack p-stuck was kept; 2 pending operations\nstack p-baseline was kept'
    ])
  })

  it('fails, and does not crash, on saved state it cannot read: what is left is unknown', async () => {
    resetFakeCore({ state: { stacks: 'not json', teardown: state.teardown } })
    await cleanUpAfterMain()
    expect(record.failed).toEqual(['post step: the saved list of stacks is not readable: not json'])
    resetFakeCore({ state: { ...state, processes: '[{"pid":"x"}]' } })
    await cleanUpAfterMain()
    expect(record.failed).toEqual([
      'post step: the saved list of running commands is not readable: [{"pid":"x"}]'
    ])
  })
})

describe('the post step with credentials in its environment', () => {
  it('redacts them from what it says and fails with', async () => {
    vi.stubEnv('PULUMI_ACCESS_TOKEN', 'pul-secret')
    resetFakeCore({ state })
    report = {
      kept: ['stack p-stuck was kept; pulumi destroy failed: error: token pul-secret refused'],
      warnings: ['cleanup step 1 of 1 failed: pul-secret'],
      deferred: false
    }
    await cleanUpAfterMain()
    vi.unstubAllEnvs()
    expect(record.warnings).toEqual(['cleanup step 1 of 1 failed: ***'])
    expect(record.failed).toEqual([
      'stack p-stuck was kept; pulumi destroy failed: error: token *** refused'
    ])
  })
})
