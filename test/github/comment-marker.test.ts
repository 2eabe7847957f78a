import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/core/errors/errors'
import { findComment, hasMarker, marker } from '../../src/github/comment-marker'

const BOT = { login: 'github-actions[bot]' }
const comment = (id: number, body: string | null, login = BOT.login) => ({
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
    expect(findComment(comments, 'perf', BOT)?.id).toBe(2)
  })

  it('ignores other keys, including keys that start like ours', () => {
    const comments = [
      comment(1, `${marker('perf-api')}\nother gate`),
      comment(2, `${marker('per')}\nshorter key`),
      comment(3, '<!-- pulumi-perf-gate:perf --> quoted inline in a sentence')
    ]
    expect(findComment(comments, 'perf', BOT)).toBeUndefined()
    expect(findComment(comments, 'perf-api', BOT)?.id).toBe(1)
  })

  it('finds nothing without any marker', () => {
    expect(findComment([comment(1, 'LGTM'), comment(2, '')], 'perf', BOT)).toBeUndefined()
    expect(findComment([], 'perf', BOT)).toBeUndefined()
  })

  it("takes only the token's own comments, whoever posted the marker first", () => {
    const comments = [
      comment(1, `${marker('perf')}\ncopied`, 'alice'),
      comment(2, `${marker('perf')}\nours`)
    ]
    expect(findComment(comments, 'perf', BOT)?.id).toBe(2)
    expect(findComment(comments, 'perf', { login: 'GitHub-Actions[bot]' })?.id).toBe(2)
    expect(findComment(comments.slice(0, 1), 'perf', BOT)).toBeUndefined()
    expect(findComment(comments, 'perf', { login: 'someone-else' })).toBeUndefined()
  })

  it('tells accounts apart by id when both sides have one (a renamed login)', () => {
    const mine = { id: 1, body: marker('perf'), user: { login: 'old-name', id: 7 } }
    const theirs = { id: 2, body: marker('perf'), user: { login: 'new-name', id: 8 } }
    expect(findComment([theirs, mine], 'perf', { login: 'new-name', id: 7 })?.id).toBe(1)
  })

  it('matches bodies saved with Windows line ends', () => {
    expect(hasMarker(`${marker('perf')}\r\nbody`, 'perf')).toBe(true)
  })
})
