import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeCore, record, resetFakeCore } from '../helpers/fake-core'

vi.mock('@actions/core', () => fakeCore)
const runMode = vi.fn(() => Promise.resolve())
const reportMode = vi.fn(() => Promise.resolve())
vi.mock('../../src/action/modes/run-mode', () => ({ runMode }))
vi.mock('../../src/action/modes/report-mode', () => ({ reportMode }))
const bisectMode = vi.fn(() => Promise.resolve())
vi.mock('../../src/action/modes/bisect-mode', () => ({ bisectMode }))

const { run } = await import('../../src/action/main')

beforeEach(() => {
  runMode.mockClear()
  reportMode.mockClear()
  bisectMode.mockClear()
})

describe('the main step', () => {
  it('masks the token and runs `run` mode by default', async () => {
    resetFakeCore({ inputs: { 'github-token': 'ghs_secret', mode: '' } })
    await run()
    expect(record.secrets).toEqual(['ghs_secret'])
    expect(runMode).toHaveBeenCalledWith(
      expect.objectContaining({ mode: '' }),
      'ghs_secret',
      expect.anything()
    )
    expect(reportMode).not.toHaveBeenCalled()
    expect(record.failed).toEqual([])
  })

  it("masks Pulumi's credentials when set, and redacts them from a failure", async () => {
    vi.stubEnv('PULUMI_ACCESS_TOKEN', 'pul-0123456789abcdef0123456789abcdef01234567')
    vi.stubEnv('PULUMI_CONFIG_PASSPHRASE', 'correct horse')
    resetFakeCore({ inputs: { 'github-token': 'ghs_secret' } })
    runMode.mockRejectedValueOnce(
      new Error('pulumi: pul-0123456789abcdef0123456789abcdef01234567 and correct horse')
    )
    await run()
    vi.unstubAllEnvs()
    expect(record.secrets).toEqual([
      'ghs_secret',
      'pul-0123456789abcdef0123456789abcdef01234567',
      'correct horse'
    ])
    expect(record.failed).toEqual(['pulumi: *** and ***'])
  })

  it('runs report mode when asked', async () => {
    resetFakeCore({ inputs: { mode: 'report' } })
    await run()
    expect(reportMode).toHaveBeenCalledOnce()
    expect(runMode).not.toHaveBeenCalled()
  })

  it('treats an unexpanded ${{ github.token }} as no token at all', async () => {
    resetFakeCore({ inputs: { 'github-token': '${{ github.token }}' } })
    await run()
    expect(record.secrets).toEqual([])
    expect(runMode).toHaveBeenCalledWith(expect.anything(), '', expect.anything())
  })

  it('fails the step with one line for bad input, before any mode runs', async () => {
    resetFakeCore({ inputs: { mode: 'measure' } })
    await run()
    expect(record.failed).toEqual([
      'mode: "measure" is not valid; expected one of run, report, calibrate, bisect'
    ])
    expect(runMode).not.toHaveBeenCalled()
  })

  it('turns an error thrown by a mode into a failed step, not a crash', async () => {
    resetFakeCore()
    runMode.mockRejectedValueOnce(new Error('first line\nsecond line'))
    await run()
    expect(record.failed).toEqual(['first line'])
  })

  it('runs bisect mode, and refuses its inputs in another mode', async () => {
    resetFakeCore({ inputs: { mode: 'bisect', good: '3.181.0', bad: '3.226.0' } })
    await run()
    expect(bisectMode).toHaveBeenCalledOnce()
    expect(record.failed).toEqual([])
    resetFakeCore({ inputs: { mode: 'run', bad: '3.226.0' } })
    await run()
    expect(record.failed).toEqual(['bad applies to mode: bisect only; leave it out in mode: run'])
    expect(runMode).not.toHaveBeenCalled()
  })
})
