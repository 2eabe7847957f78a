import { describe, expect, it } from 'vitest'
import { headline } from '../../../src/report/headline'
import { renderText } from '../../../src/export/text/text'
import { experimentTimes } from '../../helpers/experiments'
import { buildResults, spread } from '../../helpers/build-results'

const results = buildResults({
  baseline: experimentTimes('parallelism-fix.json', 'control'),
  candidate: experimentTimes('parallelism-fix.json', 'fix'),
  verdict: 'improvement',
  versions: { baseline: '3.43.1', candidate: '3.44.3' },
  benchmark: 'sleep-python'
})

describe('renderText', () => {
  const text = renderText(results)
  const lines = text.split('\n')

  it('uses plain ASCII and ± only: no HTML, no Mermaid, no markdown', () => {
    expect(text).toMatch(/^[\x20-\x7e\n±]*$/)
    expect(text).not.toMatch(/mermaid|<details|\*\*|\|/)
  })

  it('opens with the benchmark and the headline', () => {
    expect(lines[0]).toBe(`sleep-python: ${headline(results)}`)
  })

  it('aligns the seed table with spaces', () => {
    const table = lines.slice(2, 5)
    expect(table[0]).toMatch(
      /^Group\s+Pulumi version\s+Mean\s+Std\. dev\.\s+Median\s+Min\s+Max\s+Samples$/
    )
    expect(new Set(table.map(line => line.length)).size).toBe(1)
    const meanEnd = table[0]!.indexOf('Mean') + 'Mean'.length
    expect(table[1]!.slice(0, meanEnd).endsWith('222.232 s')).toBe(true)
    expect(table[2]!.slice(0, meanEnd).endsWith('70.189 s')).toBe(true)
    expect(table[1]!.startsWith('baseline ')).toBe(true)
    expect(table[1]).toContain(' 3.43.1 ')
  })

  it('has the summary, Welch figures, change, verdict and looks', () => {
    expect(text).toContain(
      'Candidate ran 3.17 ± 0.07 times faster than baseline; ± is the spread of single runs'
    )
    expect(text).toContain("Welch's t-test: t = -388.40, df = 31.33, p = 2.93e-59 (two-sided)")
    expect(text).toMatch(
      /Change in mean: -68\.4% \(95% CI -\d+\.\d% to -\d+\.\d%\) relative to baseline/
    )
    expect(text).toContain('Threshold ±5%, alpha = 0.05')
    expect(text).toContain('Verdict: improvement')
    expect(text).toContain('Looks: 1 of 1 (at 20 samples per group')
  })

  it('explains an inconclusive verdict', () => {
    const inconclusive = buildResults({
      baseline: spread(6, 10, 2),
      candidate: spread(6, 10.4, 2),
      verdict: 'inconclusive',
      comparison: { sensitivity: { detectableSlowdown: 0.31, level: 0.05, samplesNeeded: 240 } }
    })
    const out = renderText(inconclusive)
    expect(out).toContain(
      "Why inconclusive: These samples could detect a slowdown of 31.0% or more (80% power at the last look's level, 0.05)."
    )
    expect(out).toContain(
      'Why inconclusive: About 240 samples per group would call an unchanged candidate unchanged'
    )
  })

  it('lists warnings and strips control characters from user text', () => {
    const noisy = buildResults({
      baseline: spread(10, 1, 0.01),
      candidate: spread(10, 1.1, 0.01),
      verdict: 'regression',
      commands: { baseline: 'echo \u001b[31mred\nsecond line', candidate: 'true' }
    })
    noisy.comparison.warnings = ['Sample 1 of baseline was slow\u0007.']
    const out = renderText(noisy)
    expect(out).not.toMatch(/[^\P{Cc}\n]/u)
    expect(out).toContain('echo [31mred second line')
    expect(out).toContain('Warnings:\n  - Sample 1 of baseline was slow.')
  })
})
