import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../../src/export/markdown/markdown'
import { headline } from '../../../src/report/headline'
import { REPORT_LIMIT } from '../../../src/report/format/limit'
import { renderText } from '../../../src/export/text/text'
import { around, phasedResults } from '../../helpers/phased-results'

/** up unchanged, update faster, destroy twice as slow. */
const DESTROY_SLOWER = [
  { phase: 'up', baseline: around(10), candidate: around(10) },
  { phase: 'update', baseline: around(4), candidate: around(4) },
  { phase: 'destroy', baseline: around(3), candidate: around(6) }
]

describe('the report of a run of several phases', () => {
  it('heads with the step, names the regressing phase, a row per phase, each phase after', () => {
    const results = phasedResults(DESTROY_SLOWER, {
      environment: { os: 'linux', cpus: 2 } as never
    })
    const markdown = renderMarkdown(results, { runUrl: 'https://github.com/o/r/actions/runs/1' })
    const lines = markdown.split('\n')
    expect(lines[0]).toMatch(
      /^## 🔴 Regression in destroy \(1 of 3 phases\): candidate ran 100(\.0)?% slower than baseline, beyond the 5% threshold \(p = /
    )
    expect(lines).toContain('Benchmark: **infra**')
    const table = lines.filter(line => /^\| (up|update|destroy) \|/.test(line))
    expect(table.map(line => line.split(' | ').slice(0, 2).join(' | '))).toEqual([
      '| up | ⚪ Unchanged',
      '| update | ⚪ Unchanged',
      '| destroy | 🔴 Regression'
    ])
    // p adjusted, then raw p: destroy's adjusted is Holm's 3 × raw (one look).
    const [adjusted, raw] = table[2]!
      .split(' | ')
      .slice(3)
      .map(cell => parseFloat(cell))
    expect(adjusted! / raw!).toBeCloseTo(3, 1)
    expect(markdown).toContain('adjusted for testing the 3 phases together')
    // The first phase open, the others folded; the regression folded open.
    expect(markdown).toMatch(/^### up: ⚪ Unchanged: /m)
    expect(markdown).toMatch(/^<details>\n<summary>update: ⚪ Unchanged: /m)
    expect(markdown).toMatch(/^<details open>\n<summary>destroy: 🔴 Regression: /m)
    // Each phase has its seed-style table (with its versions) and its chart; the
    // environment once.
    expect(markdown.match(/^\| \*\*baseline\*\* \| 3\.44\.3 \|/gm)).toHaveLength(3)
    expect(markdown.match(/```mermaid/g)).toHaveLength(3)
    expect(markdown.match(/<summary>Environment<\/summary>/g)).toHaveLength(1)
    expect(markdown.indexOf('Environment')).toBeGreaterThan(markdown.indexOf('destroy: 🔴'))
    expect(lines.at(-2)).toContain('[workflow run](https://github.com/o/r/actions/runs/1)')
  })

  it.each([
    [
      'two regressions',
      [around(10), around(10)],
      [around(4), around(8)],
      'Regression in 2 of 3 phases: update, destroy'
    ],
    [
      'all unchanged',
      [around(10), around(10)],
      [around(4), around(4)],
      'Unchanged: all 3 phases within ±5%'
    ],
    [
      'an improvement beside an undecided phase',
      [around(10), around(5)],
      [around(4), [3, 5, 4, 6, 2, 4.5, 3.5, 5]],
      'Inconclusive: 1 of 3 phases undecided (update), no regression'
    ]
  ])('says the step in one line: %s', (_, up, update, expected) => {
    const results = phasedResults([
      { phase: 'up', baseline: up[0]!, candidate: up[1]! },
      { phase: 'update', baseline: update[0]!, candidate: update[1]! },
      {
        phase: 'destroy',
        baseline: around(3),
        candidate: expected.includes('destroy') ? around(6) : around(3)
      }
    ])
    expect(headline(results)).toMatch(new RegExp(`^${expected.replace(/[()±]/g, '\\$&')}`))
  })

  it('keeps five phases of 10,000 samples each within the size limit', () => {
    const phases = ['up', 'preview', 'update', 'refresh', 'destroy'].map((phase, index) => ({
      phase,
      baseline: around(10 + index, 10_000),
      candidate: around(10 + index, 10_000)
    }))
    const markdown = renderMarkdown(phasedResults(phases))
    expect(markdown.length).toBeLessThanOrEqual(REPORT_LIMIT)
    for (const phase of phases) {
      expect(markdown).toContain(`| ${phase.phase} | ⚪ Unchanged |`)
    }
    expect(markdown).toMatch(/Showing the first [\d,]+ of 10,000 samples per group/)
  })

  it('as text: the step, the phase table, each phase and the step verdict last', () => {
    const text = renderText(phasedResults(DESTROY_SLOWER))
    const lines = text.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^infra: Regression in destroy \(1 of 3 phases\): /)
    expect(lines[2]).toMatch(/^Phase\s+Verdict\s+Change \(CI\)\s+Regression p adjusted\s+p$/)
    expect(lines[5]).toMatch(/^destroy\s+Regression\s+\+100/)
    expect(text).toMatch(/^up: Unchanged: /m)
    expect(text).toMatch(/^destroy: Regression: /m)
    expect(lines.at(-1)).toBe('Verdict: regression')
  })

  it('renders a run of one phase exactly as a file without phases', () => {
    const results = phasedResults([DESTROY_SLOWER[2]!])
    const plain = { ...results }
    delete plain.phases
    delete plain.family
    expect(renderMarkdown(results)).toBe(renderMarkdown(plain))
    expect(renderText(results)).toBe(renderText(plain))
  })
})
