import { describe, expect, it } from 'vitest'
import { uniqueNames } from '../../src/run/join-results'

const named = (...names: string[]) => names.map(benchmark => ({ results: { benchmark } }))

describe('uniqueNames', () => {
  it('numbers a repeated name, never to a name another file already has', () => {
    const items = named('foo', 'foo (2)', 'foo', 'foo', 'bar')
    uniqueNames(items)
    const names = items.map(item => item.results.benchmark)
    expect(names).toEqual(['foo', 'foo (2)', 'foo (3)', 'foo (4)', 'bar'])
    expect(new Set(names).size).toBe(names.length)
  })
})
