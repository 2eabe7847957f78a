import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/core/errors'
import { findComment, hasMarker, marker } from '../../src/github/comment-marker'

const comment = (id: number, body: string | null, login = 'github-actions[bot]') => ({
  id,
  body,
  user: { login }
})

describe('marker', () => {
  it('is a hidden HTML comment holding the key', () => {
    expect(marker('perf')).toBe('<!-- pulumi-perf-gate:perf -->')
  })

  it('encodes keys so they cannot end the comment or collide', () => {
    expect(marker('CI / bench')).toBe('<!-- pulumi-perf-gate:CI%20%2F%20bench -->')
    expect(marker('evil --> <b>x</b>')).not.toMatch(/-->.*-->/)
    expect(marker('a\nb')).not.toContain('\n')
  })

  it('refuses an empty key', () => {
    expect(() => marker('  ')).toThrow(InputError)
    expect(() => marker('')).toThrow('comment-key')
  })
})

describe('findComment', () => {
  it('finds the comment carrying our key', () => {
    const comments = [
      comment(1, 'hello'),
      comment(2, `${marker('perf')}\n## report`),
      comment(3, null)
    ]
    expect(findComment(comments, 'perf')?.id).toBe(2)
  })

  it('ignores other keys, including keys that start like ours', () => {
    const comments = [
      comment(1, `${marker('perf-api')}\nother gate`),
      comment(2, `${marker('per')}\nshorter key`),
      comment(3, '<!-- pulumi-perf-gate:perf --> quoted inline in a sentence')
    ]
    expect(findComment(comments, 'perf')).toBeUndefined()
    expect(findComment(comments, 'perf-api')?.id).toBe(1)
  })

  it('finds nothing without any marker', () => {
    expect(findComment([comment(1, 'LGTM'), comment(2, '')], 'perf')).toBeUndefined()
    expect(findComment([], 'perf')).toBeUndefined()
  })

  it('prefers the comment of the posting account when told who that is', () => {
    const comments = [
      comment(1, `${marker('perf')}\ncopied`, 'alice'),
      comment(2, `${marker('perf')}\nours`)
    ]
    expect(findComment(comments, 'perf', 'github-actions[bot]')?.id).toBe(2)
    expect(findComment(comments, 'perf')?.id).toBe(1)
    expect(findComment(comments, 'perf', 'someone-else')?.id).toBe(1)
  })

  it('matches bodies saved with Windows line ends', () => {
    expect(hasMarker(`${marker('perf')}\r\nbody`, 'perf')).toBe(true)
  })
})
