import { describe, expect, it } from 'vitest'
import { capBody, fitToLimit, type Detail } from '../../../src/report/format/limit'

describe('capBody', () => {
  it('leaves short bodies alone', () => {
    expect(capBody('short', 100)).toBe('short')
  })

  it('keeps the start, ends with a note and respects the limit', () => {
    const body = `marker\nheadline\n${'line of text\n'.repeat(1_000)}`
    const capped = capBody(body, 500)
    expect(capped.length).toBeLessThanOrEqual(500)
    expect(capped.startsWith('marker\nheadline\n')).toBe(true)
    expect(capped).toContain('Report truncated')
    // Cut at a line end: no half line before the note.
    expect(capped.split('\n\n_Report')[0]!.endsWith('line of text')).toBe(true)
  })

  it('never splits a surrogate pair', () => {
    const body = '🔴'.repeat(1_000)
    const capped = capBody(body, 301)
    expect(capped.length).toBeLessThanOrEqual(301)
    expect(() => encodeURIComponent(capped)).not.toThrow()
  })
})

describe('fitToLimit', () => {
  /** A body of a fixed part plus one 10-character line per raw row, and a 50-character chart. */
  const render = (fixed: number) => (detail: Detail) =>
    'h'.repeat(fixed) + 'r'.repeat(10 * detail.rawRows) + (detail.chart ? 'c'.repeat(50) : '')

  it('renders everything when it fits', () => {
    expect(fitToLimit(render(100), 20, 1_000)).toHaveLength(100 + 200 + 50)
  })

  it('shows the most raw rows that fit', () => {
    const body = fitToLimit(render(100), 1_000, 1_000)
    expect(body.length).toBeLessThanOrEqual(1_000)
    expect(body.match(/r/g)).toHaveLength(850)
    expect(body).toContain('c'.repeat(50))
  })

  it('drops the chart when even no rows do not fit, then cuts', () => {
    expect(fitToLimit(render(960), 10, 1_000)).toBe('h'.repeat(960))
    const cut = fitToLimit(render(5_000), 10, 1_000)
    expect(cut.length).toBeLessThanOrEqual(1_000)
    expect(cut.startsWith('hhh')).toBe(true)
  })
})
