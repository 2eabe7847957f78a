import { describe, expect, it } from 'vitest'
import { parseBisectConfig } from '../../src/config/bisect-config'
import { InputError } from '../../src/core/errors/errors'

const env = { GITHUB_RUN_ID: '7' }

describe('bisect inputs', () => {
  it('takes two releases, their first and last versions as the run template', () => {
    const config = parseBisectConfig({ good: 'v3.181.0', bad: '3.226.0', program: 'infra' }, env)
    expect(config.list).toEqual({ kind: 'releases', good: '3.181.0', bad: '3.226.0' })
    expect(config.run.target).toMatchObject({
      kind: 'pulumi',
      baselineVersion: '3.181.0',
      candidateVersion: '3.226.0'
    })
  })

  it('takes a list of versions or paths, good first', () => {
    const config = parseBisectConfig({ versions: './a/pulumi, 3.44.3\n./c d/pulumi' }, env)
    expect(config.list).toEqual({
      kind: 'list',
      versions: ['./a/pulumi', '3.44.3', './c d/pulumi']
    })
  })

  it.each([
    [{ good: '3.181.0' }, /^bisect needs good and bad/],
    [{ good: 'latest', bad: '3.226.0' }, /^good: "latest" is not a release/],
    [
      { good: '3.181.0', bad: '3.226.0', 'baseline-version': '3.1.0' },
      /^baseline-version does not apply to bisect/
    ],
    [
      { good: '3.181.0', bad: '3.226.0', 'baseline-command': 'true' },
      /^baseline-command does not apply/
    ],
    [
      { versions: '3.1.0', good: '3.0.0' },
      /^versions names good \(first\) and bad \(last\) itself/
    ],
    [{ versions: '3.1.0' }, /^versions: give from 2 to 1000/],
    [{ versions: '3.1.0,3.1.0' }, /^versions: a version or path is listed twice/],
    [{ versions: '3.1.0,nonsense' }, /^versions: "nonsense" is not allowed/],
    [{ good: '3.181.0', bad: '3.226.0', 'stack-prefix': 'p'.repeat(88) }, /^stack-prefix: /]
  ])('refuses %j in one line naming the input', (raw, message) => {
    expect(() => parseBisectConfig(raw, env)).toThrow(InputError)
    expect(() => parseBisectConfig(raw, env)).toThrow(message)
  })
})
