import { describe, expect, it, vi } from 'vitest'
import { fakeCore, record, resetFakeCore } from '../helpers/fake-core'

vi.mock('@actions/core', () => fakeCore)
const destroyed: string[] = []
vi.mock('../../src/pulumi/stacks', () => ({
  removeStack: (ref: { stack: string }) => {
    destroyed.push(ref.stack)
    return ref.stack.endsWith('stuck')
      ? Promise.reject(new Error(`destroy of ${ref.stack} failed`))
      : Promise.resolve()
  }
}))

const { cleanUpAfterMain } = await import('../../src/action/post')

const ref = (stack: string) => ({
  binary: '/p/pulumi',
  programDir: '/prog',
  stack,
  backendUrl: 'file:///b'
})

describe('the post step', () => {
  it('does nothing when the main step saved no stacks', async () => {
    resetFakeCore()
    await cleanUpAfterMain()
    expect(record.info).toEqual([])
    expect(record.warnings).toEqual([])
  })

  it('removes every saved stack, newest first, and warns about the ones it could not', async () => {
    resetFakeCore({
      state: { stacks: JSON.stringify({ version: 1, stacks: [ref('p-baseline'), ref('p-stuck')] }) }
    })
    destroyed.length = 0
    await cleanUpAfterMain()
    expect(destroyed).toEqual(['p-stuck', 'p-baseline'])
    expect(record.info).toEqual(['Removing 2 stack(s) left by the main step'])
    expect(record.warnings).toEqual([
      'could not remove stack p-stuck (file:///b): destroy of p-stuck failed'
    ])
  })

  it('warns, and does not crash, on saved state it cannot read', async () => {
    resetFakeCore({ state: { stacks: 'not json' } })
    await cleanUpAfterMain()
    expect(record.warnings).toEqual([
      'post step: the saved list of stacks is not readable: not json'
    ])
  })
})

describe('the post step with credentials in its environment', () => {
  it('redacts them from the warnings it passes on', async () => {
    vi.stubEnv('PULUMI_ACCESS_TOKEN', 'pul-stuck')
    resetFakeCore({ state: { stacks: JSON.stringify({ version: 1, stacks: [ref('pul-stuck')] }) } })
    await cleanUpAfterMain()
    vi.unstubAllEnvs()
    expect(record.warnings).toHaveLength(1)
    expect(record.warnings[0]).not.toContain('pul-stuck')
    expect(record.warnings[0]).toContain('destroy of *** failed')
  })
})
