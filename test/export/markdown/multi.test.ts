import { describe, expect, it } from 'vitest'
import { InputError } from '../../../src/core/errors/errors'
import { REPORT_LIMIT } from '../../../src/report/format/limit'
import { renderMultiMarkdown } from '../../../src/export/markdown/multi-markdown'
import { headline } from '../../../src/report/headline'
import { multiHeadline, benchmarksVerdict } from '../../../src/report/multi-model'
import type { MultiItem } from '../../../src/results/family'
import type { Verdict } from '../../../src/stats/types'
import { buildResults, spread } from '../../helpers/build-results'

function item(benchmark: string, verdict: Verdict, pAdjusted: number, samples = 10): MultiItem {
  const slowdown = verdict === 'regression' ? 1.2 : verdict === 'improvement' ? 0.8 : 1.01
  return {
    results: buildResults({
      benchmark,
      baseline: spread(samples, 2, 0.05),
      candidate: spread(samples, 2 * slowdown, 0.05),
      verdict
    }),
    pAdjusted
  }
}

describe('benchmarksVerdict and multiHeadline', () => {
  it('is a regression when any benchmark regressed, and names it', () => {
    const items = [
      item('api', 'unchanged', 0.9),
      item('web', 'regression', 0.001),
      item('db', 'improvement', 1)
    ]
    expect(benchmarksVerdict(items)).toBe('regression')
    expect(multiHeadline(items)).toBe('Regression in 1 of 3 benchmarks: web')
  })

  it('ranks inconclusive over improvement over unchanged', () => {
    expect(benchmarksVerdict([item('a', 'improvement', 1), item('b', 'inconclusive', 1)])).toBe(
      'inconclusive'
    )
    expect(multiHeadline([item('a', 'improvement', 1), item('b', 'unchanged', 1)])).toBe(
      'Improvement in 1 of 2 benchmarks (a), no regression'
    )
    expect(multiHeadline([item('a', 'unchanged', 1), item('b', 'unchanged', 1)])).toBe(
      'Unchanged: all 2 benchmarks within their thresholds'
    )
    expect(multiHeadline([item('a', 'unchanged', 1)])).toBe(
      'Unchanged: the 1 benchmark within its threshold'
    )
  })

  it('shortens long name lists', () => {
    const items = Array.from({ length: 8 }, (_, i) => item(`b${i}`, 'regression', 0.01))
    expect(multiHeadline(items)).toBe(
      'Regression in 8 of 8 benchmarks: b0, b1, b2, b3, b4 and 3 more'
    )
  })

  it('refuses an empty list with a clear message', () => {
    expect(() => multiHeadline([])).toThrow(InputError)
  })
})

describe('renderMultiMarkdown', () => {
  const items = [item('api', 'unchanged', 0.6), item('web <b>@x</b>', 'regression', 0.0042)]

  it('starts with the overall headline', () => {
    const lines = renderMultiMarkdown(items).split('\n')
    expect(lines[0]).toBe('## 🔴 Regression in 1 of 2 benchmarks: web &lt;b&gt;@&#8203;x&lt;/b&gt;')
  })

  it('has a row per benchmark with verdict, change and both p-values', () => {
    const markdown = renderMultiMarkdown(items)
    const rows = markdown.split('\n').filter(line => /^\| (api|web)/.test(line))
    expect(rows).toHaveLength(2)
    // Worst first: the regressed web before the unchanged api.
    const [web, api] = rows.map(row => row.slice(2, -2).split(' | '))
    expect(api![0]).toBe('api')
    expect(api![1]).toBe('⚪ Unchanged')
    expect(api![3]).toBe('0.60')
    expect(web![1]).toBe('🔴 Regression')
    expect(web![2]).toMatch(/^\+\d+\.\d% \(95% CI \+\d+\.\d% to \+\d+\.\d%\)$/)
    expect(web![3]).toBe('0.0042')
    expect(web![4]).toBe(items[1]!.results.comparison.welch.pRegression.toExponential(2))
  })

  it('names the runs that did not finish between the headline and the table', () => {
    const unfinished = [{ path: '/r/db.json', benchmark: 'db', error: 'setup failed' }]
    const lines = renderMultiMarkdown(items, { unfinished }).split('\n')
    const note = lines.findIndex(line => line.startsWith('**❌ 1 of 3 benchmarks failed: db.**'))
    const table = lines.findIndex(line => line.startsWith('| Benchmark |'))
    expect(note).toBeGreaterThan(0)
    expect(table).toBeGreaterThan(note)
    expect(lines).toContain('| db | /r/db.json | setup failed |')
    expect(renderMultiMarkdown(items)).not.toContain('benchmarks failed')
  })

  it('folds each report, opened for regressions', () => {
    const markdown = renderMultiMarkdown(items)
    expect(markdown).toContain(
      `<details>\n<summary>api: ⚪ ${headline(items[0]!.results)}</summary>`
    )
    expect(markdown).toMatch(
      /<details open>\n<summary>web &lt;b&gt;@&#8203;x&lt;\/b&gt;: 🔴 Regression/
    )
    expect(markdown.match(/\*\*Candidate\*\* ran|\*\*Baseline\*\* ran/g)).toHaveLength(2)
    expect(markdown.match(/```mermaid/g)).toHaveLength(2)
    expect(markdown.split('<details').length).toBe(markdown.split('</details>').length)
  })

  it('stays under the limit for many large benchmarks', () => {
    const many = Array.from({ length: 30 }, (_, i) => item(`bench-${i}`, 'unchanged', 1, 20_000))
    const markdown = renderMultiMarkdown(many)
    expect(markdown.length).toBeLessThanOrEqual(REPORT_LIMIT)
    expect(markdown.startsWith('## ⚪ Unchanged: all 30 benchmarks')).toBe(true)
    expect(markdown).toContain('| bench-29 |')
  })
})

describe('renderMultiMarkdown of more benchmarks than fit', () => {
  it('lists regressions first, so the cut never drops a regressed row', () => {
    const items = [
      ...Array.from({ length: 3000 }, (_, index) => item(`steady-${index}`, 'unchanged', 1, 4)),
      item('the-regressed-one', 'regression', 0.0001, 4)
    ]
    const markdown = renderMultiMarkdown(items)
    const rows = markdown.split('\n').filter(line => line.startsWith('| '))
    expect(rows[2]).toMatch(/^\| the-regressed-one \| 🔴 Regression \|/)
    expect(markdown).not.toContain('steady-2999 |')
  })
})
