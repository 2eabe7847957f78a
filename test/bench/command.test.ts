import { describe, expect, it } from 'vitest'
import { resolveStep } from '../../src/bench/process/command'
import { InputError } from '../../src/core/errors/errors'

describe('resolveStep', () => {
  it('runs shell commands through the configured shell with -c', () => {
    const step = resolveStep(
      { command: { kind: 'shell', script: 'pulumi up | tee x' } },
      {
        kind: 'shell',
        path: '/bin/zsh'
      }
    )
    expect(step).toMatchObject({
      file: '/bin/zsh',
      args: ['-c', 'pulumi up | tee x'],
      throughShell: true
    })
  })

  it("gives every step the step's environment without the action's own secrets", () => {
    const saved = { ...process.env }
    Object.assign(process.env, {
      'INPUT_GITHUB-TOKEN': 'ghs_x',
      ACTIONS_RUNTIME_TOKEN: 'jwt',
      PULUMI_ACCESS_TOKEN: 'pul-x'
    })
    try {
      const step = resolveStep(
        { command: { kind: 'shell', script: 'true' }, env: { EXTRA: '1' } },
        { kind: 'shell', path: 'bash' }
      )
      expect(step.env['INPUT_GITHUB-TOKEN']).toBeUndefined()
      expect(step.env.ACTIONS_RUNTIME_TOKEN).toBeUndefined()
      expect(step.env).toMatchObject({ PULUMI_ACCESS_TOKEN: 'pul-x', EXTRA: '1' })
    } finally {
      for (const name of ['INPUT_GITHUB-TOKEN', 'ACTIONS_RUNTIME_TOKEN', 'PULUMI_ACCESS_TOKEN']) {
        if (saved[name] === undefined) delete process.env[name]
      }
    }
  })

  it('splits shell commands into words with shell: none', () => {
    const step = resolveStep(
      { command: { kind: 'shell', script: "node -e 'x()'" } },
      { kind: 'none' }
    )
    expect(step).toMatchObject({ file: 'node', args: ['-e', 'x()'], throughShell: false })
  })

  it('spawns argv commands as given whatever the shell setting', () => {
    const step = resolveStep(
      { command: { kind: 'argv', file: '/opt/pulumi', args: ['up', '--stack', 'a b'] }, cwd: '/p' },
      { kind: 'shell', path: 'bash' }
    )
    expect(step).toMatchObject({
      file: '/opt/pulumi',
      args: ['up', '--stack', 'a b'],
      throughShell: false,
      cwd: '/p',
      text: '/opt/pulumi up --stack a b'
    })
  })

  it('adds the step environment on top of ours', () => {
    const step = resolveStep(
      { command: { kind: 'argv', file: 'x', args: [] }, env: { PULUMI_SKIP_UPDATE_CHECK: 'true' } },
      { kind: 'none' }
    )
    expect(step.env).toMatchObject({ PATH: process.env.PATH, PULUMI_SKIP_UPDATE_CHECK: 'true' })
  })

  it('shortens long or multi-line commands for messages', () => {
    const long = resolveStep(
      { command: { kind: 'shell', script: 'x'.repeat(200) } },
      { kind: 'none' }
    )
    expect(long.text).toHaveLength(80)
    expect(long.text.endsWith('…')).toBe(true)
    const multiLine = resolveStep(
      { command: { kind: 'shell', script: 'set -e\nmake build\n' } },
      { kind: 'shell', path: 'bash' }
    )
    expect(multiLine.text).toBe('set -e …')
  })

  it('rejects an empty command with shell: none', () => {
    expect(() =>
      resolveStep({ command: { kind: 'shell', script: '  ' } }, { kind: 'none' })
    ).toThrow(InputError)
  })
})
