import { describe, expect, it } from 'vitest'
import { InputError } from '../../../src/core/errors/errors'
import { REPORT_LIMIT } from '../../../src/report/format/limit'
import { markdownHeadline, renderMarkdown } from '../../../src/export/markdown/markdown'
import { headline } from '../../../src/report/headline'
import type { ResultsFile } from '../../../src/results/schema'
import type { Verdict } from '../../../src/stats/types'
import { experimentTimes } from '../../helpers/experiments'
import { buildResults, spread } from '../../helpers/build-results'

const control = experimentTimes('parallelism-fix.json', 'control')
const fix = experimentTimes('parallelism-fix.json', 'fix')

/** Blog experiment 1: the candidate (3.44.3) is the fix. */
function parallelismFix(verdict: Verdict = 'improvement'): ResultsFile {
  return buildResults({
    baseline: control,
    candidate: fix,
    verdict,
    versions: { baseline: '3.43.1', candidate: '3.44.3' }
  })
}

/** Blog experiment 2: Python (baseline) ran faster than TypeScript (candidate). */
function pythonVsTypeScript(): ResultsFile {
  return buildResults({
    baseline: experimentTimes('ts-vs-py.json', 'control'),
    candidate: experimentTimes('ts-vs-py.json', 'ts-control'),
    verdict: 'regression',
    threshold: 0
  })
}

/** The cells of a markdown table row, split on unescaped pipes. */
function cells(row: string): string[] {
  expect(row.startsWith('| ') && row.endsWith(' |')).toBe(true)
  return row.slice(2, -2).split(' | ')
}

function tableRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter(line => line.startsWith('| **'))
    .map(cells)
}

describe('headline', () => {
  it('states a regression with its size, p and threshold', () => {
    const results = buildResults({
      baseline: spread(20, 10, 0.2),
      candidate: spread(20, 11.23, 0.2),
      verdict: 'regression'
    })
    const change = (results.results[1]!.mean - results.results[0]!.mean) / results.results[0]!.mean
    expect(headline(results)).toBe(
      `Regression: candidate ran ${(change * 100).toFixed(1)}% slower than baseline, beyond the 5% threshold (p = ${results.comparison.welch.pRegression.toExponential(1)}; this look needed < 0.05)`
    )
    expect(markdownHeadline(results).startsWith('🔴 Regression:')).toBe(true)
  })

  it('states an improvement as hyperfine does', () => {
    expect(headline(parallelismFix())).toMatch(
      /^Improvement: candidate ran 3\.17 ± 0\.07 times faster than baseline, beyond the 5% threshold \(p = \S+; this look needed < 0\.05\)$/
    )
    expect(markdownHeadline(parallelismFix()).startsWith('🟢 ')).toBe(true)
  })

  it('names no threshold for plain Welch (threshold 0)', () => {
    const plain = parallelismFix()
    plain.comparison.threshold = 0
    expect(headline(plain)).toMatch(
      /^Improvement: candidate ran 3\.17 ± 0\.07 times faster than baseline \(p = \S+; this look needed < 0\.05\)$/
    )
  })

  it('states unchanged within the threshold', () => {
    const results = buildResults({
      baseline: spread(20, 10, 0.2),
      candidate: spread(20, 10.02, 0.2),
      verdict: 'unchanged',
      comparison: { threshold: 0.05 }
    })
    expect(headline(results)).toMatch(
      /^Unchanged: candidate within ±5% of baseline \(change \+0\.20%, p = /
    )
    expect(markdownHeadline(results).startsWith('⚪ ')).toBe(true)
  })

  it('states inconclusive with the interval, for a margin and for plain Welch', () => {
    const results = buildResults({
      baseline: spread(5, 10, 2),
      candidate: spread(5, 10.3, 2),
      verdict: 'inconclusive'
    })
    const base = results.results[0]!.mean
    const { difference } = results.comparison
    const percent = (value: number): string => `${((value / base) * 100).toFixed(1)}%`
    expect(percent(difference.ciLow).startsWith('-')).toBe(true)
    const interval = `+${percent(difference.mean)} (95% CI ${percent(difference.ciLow)} to +${percent(difference.ciHigh)})`
    expect(headline(results)).toBe(
      `Inconclusive: candidate ${interval} vs baseline, not enough to decide at ±5%`
    )
    expect(markdownHeadline(results).startsWith('🟡 ')).toBe(true)
    const welchOnly = { ...results, comparison: { ...results.comparison, threshold: 0 } }
    expect(headline(welchOnly)).toBe(
      `Inconclusive: no significant difference between candidate and baseline at alpha = 0.05, change ${interval}`
    )
  })
})

describe('renderMarkdown', () => {
  it('starts with the headline (the publisher adds the marker)', () => {
    const markdown = renderMarkdown(parallelismFix())
    expect(markdown.split('\n')[0]).toBe(`## ${markdownHeadline(parallelismFix())}`)
    expect(markdown).not.toContain('<!-- pulumi-perf-gate')
  })

  it('fills the seed table from the results', () => {
    const results = parallelismFix()
    const rows = tableRows(renderMarkdown(results))
    expect(rows).toHaveLength(2)
    results.results.forEach((group, index) => {
      const row = rows[index]!
      expect(row).toHaveLength(8)
      expect(row[0]).toBe(`**${group.parameters.group}**`)
      expect(row[1]).toBe(group.version)
      const seconds = [group.mean, group.stddev, group.median, group.min, group.max]
      expect(row.slice(2, 7)).toEqual(seconds.map(value => `${value.toFixed(3)} s`))
      expect(row[7]).toBe(String(group.times.length))
    })
    expect(rows[0]!.slice(2, 4)).toEqual(['222.232 s', '0.908 s'])
  })

  it('shows the command when there is no Pulumi version', () => {
    const results = buildResults({
      baseline: spread(10, 0.05, 0.002),
      candidate: spread(10, 0.06, 0.002),
      verdict: 'regression',
      names: { baseline: 'old', candidate: 'new' },
      commands: { baseline: 'sleep 0.05', candidate: 'sleep 0.06' }
    })
    const markdown = renderMarkdown(results)
    expect(markdown).toContain('| Group | Command | Mean |')
    const rows = tableRows(markdown)
    expect(rows.map(row => row.slice(0, 2))).toEqual([
      ['**old (baseline)**', 'sleep 0.05'],
      ['**new (candidate)**', 'sleep 0.06']
    ])
    expect(rows[0]![2]).toBe(`${(results.results[0]!.mean * 1000).toFixed(1)} ms`)
  })

  it('says which group ran faster, in both directions', () => {
    const fix = parallelismFix()
    expect(renderMarkdown(fix)).toContain(
      '**Candidate** ran 3.17 ± 0.07 times faster than **baseline**; ± is the spread of single runs, as hyperfine prints it. The 95% confidence interval of that factor is '
    )
    // The factor is baseline/candidate here: its interval is candidate/baseline's, turned.
    const { ciLow, ciHigh } = fix.comparison.ratio
    const interval = renderMarkdown(fix).match(/interval of that factor is ([\d.]+) to ([\d.]+)\./)
    expect(interval!.slice(1).map(Number)).toEqual([
      Number((1 / ciHigh!).toPrecision(3)),
      Number((1 / ciLow!).toPrecision(3))
    ])
    expect(renderMarkdown(pythonVsTypeScript())).toContain(
      '**Baseline** ran 1.04 ± 0.03 times faster than **candidate**; ± is the spread of single runs'
    )
  })

  it('calls groups within 0.5% of each other equally fast', () => {
    const results = buildResults({
      baseline: spread(20, 10, 0.1),
      candidate: spread(20, 10.01, 0.1),
      verdict: 'unchanged'
    })
    expect(renderMarkdown(results)).toMatch(
      /\*\*Candidate\*\* and \*\*baseline\*\* ran equally fast \(ratio 1\.00 ± 0\.\d\d\); ± is the spread of single runs/
    )
  })

  it('tells the groups apart by position, never by name, and needs two', () => {
    const same = buildResults({
      baseline: spread(10, 0.01, 0.001),
      candidate: spread(10, 0.014, 0.001),
      verdict: 'regression',
      names: { baseline: 'sleep 0.01', candidate: 'sleep 0.01' },
      commands: { baseline: 'sleep 0.01', candidate: 'sleep 0.01' }
    })
    const rows = tableRows(renderMarkdown(same))
    expect(rows.map(row => row[2])).toEqual(
      same.results.map(group => `${(group.mean * 1000).toFixed(1)} ms`)
    )
    expect(rows[0]![2]).not.toBe(rows[1]![2])
    const one = { ...same, results: [same.results[0]!] }
    expect(() => renderMarkdown(one)).toThrow(InputError)
  })

  it('reports the Welch figures the blog published', () => {
    const markdown = renderMarkdown(parallelismFix())
    expect(markdown).toContain(
      "- Welch's t-test: t = -388.40, df = 31.33, p = 2.93e-59 (two-sided)"
    )
    expect(renderMarkdown(pythonVsTypeScript())).toContain('t = 6.81, df = 30.42, p = 1.40e-7')
  })

  it('gives the change with its interval relative to the baseline mean, threshold and alpha', () => {
    const results = parallelismFix()
    const base = results.results[0]!.mean
    const { difference } = results.comparison
    const percent = (value: number): string => `${((value / base) * 100).toFixed(1)}%`
    expect(renderMarkdown(results)).toContain(
      `- Change in mean: ${percent(difference.mean)} (95% CI ${percent(difference.ciLow)} to ${percent(difference.ciHigh)}) relative to **baseline**`
    )
    expect(renderMarkdown(results)).toContain(
      '- Threshold ±5%, α = 0.05 over all looks: p(regression) = 1.0, p(improvement) = 1.5e-59, p(unchanged) = 0.50; this look needed < 0.05 for regression or improvement, < 0.05 for unchanged'
    )
  })

  it('tells how many looks ran and whether the run stopped early', () => {
    const results = buildResults({
      baseline: spread(10, 10, 0.1),
      candidate: spread(10, 12, 0.1),
      verdict: 'regression',
      comparison: {
        looks: [
          {
            samples: 5,
            baseline: 5,
            candidate: 5,
            level: 0.00069,
            equivalenceLevel: 0.002,
            verdict: null
          },
          {
            samples: 10,
            baseline: 10,
            candidate: 10,
            level: 0.0161,
            equivalenceLevel: 0.02,
            verdict: 'regression'
          }
        ],
        plannedLooks: 4,
        samples: 10,
        plannedSamples: 20,
        stoppedEarly: true
      }
    })
    expect(renderMarkdown(results)).toContain(
      '- Looks: 2 of 4 (at 5, 10 samples per group); stopped early with 10 of 20 planned samples per group'
    )
  })

  it('explains an inconclusive verdict with what the samples could detect', () => {
    const results = buildResults({
      baseline: spread(5, 10, 2),
      candidate: spread(5, 10.3, 2),
      verdict: 'inconclusive',
      comparison: { sensitivity: { detectableSlowdown: 0.2345, level: 0.039, samplesNeeded: 180 } }
    })
    const markdown = renderMarkdown(results)
    expect(markdown).toContain(
      "These samples could detect a slowdown of 23.4% or more (80% power at the last look's level, 0.039)."
    )
    expect(markdown).toContain(
      'About 180 samples per group would call an unchanged candidate unchanged within ±5% (80% power; this run used 5).'
    )
    const onTheEdge = {
      ...results,
      comparison: {
        ...results.comparison,
        threshold: 0,
        sensitivity: { detectableSlowdown: 0.2, level: 0.05, samplesNeeded: null }
      }
    }
    expect(renderMarkdown(onTheEdge)).toContain(
      'With a threshold of 0% nothing can be called unchanged'
    )
    expect(renderMarkdown(parallelismFix())).not.toContain('could detect')
  })

  it('lists the warnings', () => {
    const results = parallelismFix()
    results.comparison.warnings = [
      'The first baseline sample was slow.',
      'One outlier in candidate.'
    ]
    expect(renderMarkdown(results)).toContain(
      '**Warnings**\n\n- ⚠️ The first baseline sample was slow.\n- ⚠️ One outlier in candidate.'
    )
  })

  it('folds the raw samples and the environment', () => {
    const results = {
      ...parallelismFix(),
      environment: {
        os: 'linux',
        release: '6.8.0',
        arch: 'x64',
        cpuModel: 'AMD EPYC 7763',
        cores: 4,
        memoryBytes: 16 * 2 ** 30,
        loadBefore: [0.5, 0.25, 0.1],
        loadAfter: [1, 0.5, 0.2],
        node: 'v24.1.0',
        tool: '0.1.0'
      }
    }
    const markdown = renderMarkdown(results)
    expect(markdown).toContain('<summary>Raw samples (seconds, in run order)</summary>')
    expect(markdown).toContain(
      `| 1 | ${Number(control[0]!.toPrecision(6))} | ${Number(fix[0]!.toPrecision(6))} |`
    )
    expect(markdown).toContain(
      `| 20 | ${Number(control[19]!.toPrecision(6))} | ${Number(fix[19]!.toPrecision(6))} |`
    )
    expect(markdown).toContain('<summary>Environment</summary>')
    expect(markdown).toContain('| cpuModel | AMD EPYC 7763 |')
    expect(markdown).toContain('| memoryBytes | 16.0 GiB |')
    expect(markdown).toContain('| loadBefore | 0.5, 0.25, 0.1 |')
    expect(markdown.split('<details>').length).toBe(markdown.split('</details>').length)
  })

  it('draws a Mermaid chart of both groups', () => {
    const markdown = renderMarkdown(parallelismFix())
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(markdown)?.[1] ?? ''
    expect(block).toContain('xychart-beta')
    expect(block.match(/^ {4}line \[/gm)).toHaveLength(2)
    expect(markdown).toContain('blue: **baseline**, orange: **candidate**')
  })

  it('links the workflow run from the option only, never from the file, only over http(s)', () => {
    const results = parallelismFix()
    expect(renderMarkdown(results, { runUrl: 'https://github.com/o/r/actions/runs/7' })).toContain(
      '[workflow run](https://github.com/o/r/actions/runs/7)'
    )
    const withEnvironment = {
      ...results,
      environment: { ...environmentStub(), runUrl: 'https://github.com/o/r/actions/runs/8' }
    }
    expect(renderMarkdown(withEnvironment)).not.toContain('(https://github.com/o/r/actions/runs/8)')
    expect(renderMarkdown(withEnvironment)).toContain('<sub>Posted by pulumi-perf-gate</sub>')
    expect(renderMarkdown(results, { runUrl: 'javascript:alert(1)' })).not.toContain('javascript:')
  })

  it('renders hostile user text harmlessly', () => {
    const hostile = 'echo `id` | tee x <script>alert(1)</script> @someone\n# heading'
    const results = buildResults({
      baseline: spread(10, 1, 0.01),
      candidate: spread(10, 1.2, 0.01),
      verdict: 'regression',
      benchmark: 'bench <img src=x onerror=alert(1)> @org/team',
      names: { baseline: 'old|er', candidate: 'new`er' },
      commands: { baseline: hostile, candidate: hostile },
      environment: { ...environmentStub(), cpuModel: '</details><details open>@someone' }
    })
    results.comparison.warnings = [hostile]
    const markdown = renderMarkdown(results, { title: undefined })
    expect(markdown).not.toMatch(/<script|<img|<\/details><details open>/)
    expect(markdown).not.toMatch(/@someone|@org/)
    expect(markdown.match(/```/g)).toHaveLength(2)
    for (const row of tableRows(markdown)) expect(row).toHaveLength(8)
    expect(markdown).not.toMatch(/^# /m)
    expect(markdown).toContain('echo &#96;id&#96; &#124; tee x &lt;script&gt;')
    expect(markdown.split('<details>').length).toBe(markdown.split('</details>').length)
  })

  it('stays under the limit with 100,000 samples, keeping the headline', () => {
    const results = buildResults({
      baseline: spread(100_000, 1.5, 0.2),
      candidate: spread(100_000, 1.6, 0.2),
      verdict: 'regression'
    })
    const markdown = renderMarkdown(results)
    expect(markdown.length).toBeLessThanOrEqual(REPORT_LIMIT)
    expect(markdown.startsWith(`## ${markdownHeadline(results)}\n`)).toBe(true)
    expect(markdown).toMatch(/_Showing the first [\d,]+ of 100,000 samples per group/)
    expect(markdown).toContain('Each point is the mean of 1,000 consecutive samples.')
    expect(tableRows(markdown)).toHaveLength(2)
    // Little room is left unused: the raw rows fill the space.
    expect(markdown.length).toBeGreaterThan(REPORT_LIMIT - 200)
  })

  it('stays under the limit with long user text everywhere', () => {
    const long = 'x'.repeat(100_000)
    const results = buildResults({
      baseline: spread(50, 1, 0.01),
      candidate: spread(50, 1.1, 0.01),
      verdict: 'regression',
      benchmark: long,
      commands: { baseline: long, candidate: long }
    })
    results.comparison.warnings = Array.from({ length: 500 }, () => long)
    const markdown = renderMarkdown(results)
    expect(markdown.length).toBeLessThanOrEqual(REPORT_LIMIT)
    expect(markdown).toContain('… and 480 more in the results file')
    expect(markdown).toContain('| 50 |')
  })
})

function environmentStub(): NonNullable<ResultsFile['environment']> {
  return {
    os: 'linux',
    release: '6.8.0',
    arch: 'x64',
    cpuModel: 'cpu',
    cores: 2,
    memoryBytes: 2 ** 30,
    loadBefore: [0],
    loadAfter: [0],
    node: 'v20',
    tool: '0.1.0'
  }
}
