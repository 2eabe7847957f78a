import { describe, expect, it } from 'vitest'
import { clip, escapeMarkdown, plainText, safeUrl } from '../../../src/report/format/escape'

describe('escapeMarkdown', () => {
  it('leaves ordinary commands and versions readable', () => {
    expect(escapeMarkdown('pulumi up --yes --stack perf-gate-1-baseline')).toBe(
      'pulumi up --yes --stack perf-gate-1-baseline'
    )
    expect(escapeMarkdown('3.43.1')).toBe('3.43.1')
  })

  it('keeps a pipe from splitting a table cell', () => {
    const escaped = escapeMarkdown('sleep 1 | tee log')
    expect(escaped).not.toContain('|')
    expect(escaped).toBe('sleep 1 &#124; tee log')
  })

  it('turns HTML into text, including attempts to close our <details>', () => {
    const escaped = escapeMarkdown('<script>alert(1)</script></details><details open>')
    expect(escaped).not.toMatch(/[<>]/)
    expect(escaped).toContain('&lt;script&gt;')
  })

  it('escapes ampersands so existing references show as typed', () => {
    expect(escapeMarkdown('a &amp; b')).toBe('a &amp;amp; b')
  })

  it('neutralises code spans, emphasis, links, strikethrough and math', () => {
    const escaped = escapeMarkdown('`x` *b* _i_ [l](https://e.x) ~s~ $m$ \\n')
    expect(escaped).not.toMatch(/[`*_[\]~$\\]/)
  })

  it('breaks @mentions and #references so nobody is pinged or cross-linked', () => {
    expect(escapeMarkdown('ping @someone about #12')).toBe('ping @&#8203;someone about #&#8203;12')
  })

  it('keeps bare URLs from becoming links', () => {
    const escaped = escapeMarkdown(
      'token expired: log in at https://evil.example/login, HTTP://x.test or www.evil.example'
    )
    expect(escaped).toBe(
      'token expired: log in at https&#8203;://evil.example/login, HTTP&#8203;://x.test or www&#8203;.evil.example'
    )
    expect(escapeMarkdown('3.43.1 vs www2.example: a:b')).toBe('3.43.1 vs www2.example: a:b')
  })

  it('keeps user text on one markdown line', () => {
    const escaped = escapeMarkdown('first\nsecond\r\nthird\rfourth')
    expect(escaped).toBe('first<br>second<br>third<br>fourth')
  })

  it('drops control characters and bidirectional overrides', () => {
    expect(escapeMarkdown('\u001b[31mred\u0007 \u202eevil\ttab')).toBe('&#91;31mred evil tab')
  })

  it('stops user text from starting a list or a heading', () => {
    expect(escapeMarkdown('- item')).toBe('&#45; item')
    expect(escapeMarkdown('+ item')).toBe('&#43; item')
    expect(escapeMarkdown('1. item')).toBe('1&#46; item')
    expect(escapeMarkdown('# title')).toBe('#&#8203; title')
    expect(escapeMarkdown('-flag')).toBe('-flag')
  })
})

describe('plainText', () => {
  it('makes one terminal line without escape sequences', () => {
    expect(plainText('a\nb\r\nc\u001b[2J\td')).toBe('a b c[2J d')
  })
})

describe('clip', () => {
  it('shortens long text and marks the cut', () => {
    expect(clip('abcdefghij', 6)).toBe('abc...')
    expect(clip('abcdefghij', 6)).toHaveLength(6)
    expect(clip('short', 6)).toBe('short')
  })
})

describe('safeUrl', () => {
  it('accepts http(s) links and encodes what would end the link', () => {
    expect(safeUrl('https://github.com/o/r/actions/runs/1')).toBe(
      'https://github.com/o/r/actions/runs/1'
    )
    expect(safeUrl('https://x.test/a b)c')).toBe('https://x.test/a%20b%29c')
  })

  it('refuses other schemes', () => {
    expect(safeUrl('javascript:alert(1)')).toBeUndefined()
    expect(safeUrl('data:text/html,<b>')).toBeUndefined()
  })
})

describe('invisible marks in names', () => {
  it('shows zero-width and direction marks, so no name looks like another', () => {
    const spoof = 'sleep\u200d-python'
    expect(escapeMarkdown(spoof)).toBe('sleep&lt;U+200D&gt;-python')
    expect(escapeMarkdown(spoof)).not.toBe(escapeMarkdown('sleep-python'))
    expect(plainText('a\u200bb\u200ec\ufeff\u00ad')).toBe('a<U+200B>b<U+200E>c<U+FEFF><U+00AD>')
    // Direction overrides are dropped, as before.
    expect(plainText('api\u202egnp.exe')).toBe('apignp.exe')
  })
})
