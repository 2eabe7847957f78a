import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ResultsFile } from '../../src/results/schema'
import { cli, tempFile } from '../helpers/cli'
import { fixturePath } from '../helpers/experiments'

// Pulumi's own experiments (fixtures/data): six variants of one deployment, and
// --parallel scanned over four values for the CLI and the Automation API.
const six = fixturePath('data', 'six-way-experiment.json')
const scaling = fixturePath('data', 'scaling-experiment.json')
const json = async (args: string[]) => {
  const { status, stdout } = await cli([...args, '--format', 'json'])
  return { status, results: JSON.parse(stdout) as ResultsFile }
}

interface SweepReference {
  file: string
  rows: {
    parameters: Record<string, string>
    t: number
    df: number
    pTwoSided: number
    pRegression: number
    pImprovement: number
  }[]
}
const reference = (
  JSON.parse(readFileSync(fixturePath('scipy-reference.json'), 'utf8')) as {
    sweeps: SweepReference[]
  }
).sweeps

const VERDICT_WORD = {
  regression: 'Regression',
  improvement: 'Improvement',
  unchanged: 'Unchanged',
  inconclusive: 'Inconclusive'
} as const

/** `text` as a regular expression matching itself. */
const pattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

describe('compare of more than two results: a sweep against the first', () => {
  it.each(reference.map(sweep => [sweep.file, sweep] as const))(
    '%s: every row’s Welch figures equal scipy’s for that pair',
    async (name, sweep) => {
      const { results } = await json(['compare', fixturePath('data', name)])
      const { comparisons } = results.sweep!
      expect(comparisons).toHaveLength(sweep.rows.length)
      comparisons.forEach(({ comparison }, index) => {
        const row = sweep.rows[index]!
        const relative = (value: number, expected: number) =>
          expect(Math.abs(value - expected) / Math.abs(expected)).toBeLessThan(1e-9)
        relative(comparison.welch.t, row.t)
        relative(comparison.welch.df, row.df)
        relative(comparison.welch.pTwoSided, row.pTwoSided)
        relative(comparison.welch.pRegression, row.pRegression)
        relative(comparison.welch.pImprovement, row.pImprovement)
      })
    }
  )

  it('six-way: one row per group in the given order, one family of 5 keeping alpha', async () => {
    const { status, results } = await json(['compare', six])
    const sweep = results.sweep!
    expect(sweep.baseline).toBe('control')
    expect(sweep.groups).toEqual([
      'control',
      'ts-control',
      'patch',
      'checkpoint',
      'jsonpatch',
      'combined'
    ])
    expect(sweep.size).toBe(5)
    for (const { comparison } of sweep.comparisons) {
      expect(comparison.baseline).toBe('control')
      expect(comparison.design.familySize).toBe(5)
      // Threshold 0: each side of the two-sided test at alpha / (2 m).
      expect(comparison.looks[0]!.level).toBeCloseTo(0.05 / 10, 12)
    }
    expect(sweep.verdict).toBe('improvement')
    expect(status).toBe(0)
    // Old readers: `comparison` is the first candidate's, results[0..1] its groups.
    expect(results.comparison).toEqual(sweep.comparisons[0]!.comparison)
    expect(results.results.map(result => result.parameters.group)).toEqual(sweep.groups)
  })

  it('--baseline NAME makes another result the baseline; rows keep the given order', async () => {
    const { results } = await json(['compare', six, '--baseline', 'patch'])
    const sweep = results.sweep!
    expect(sweep.baseline).toBe('patch')
    expect(sweep.groups[0]).toBe('control')
    expect(sweep.comparisons.map(entry => entry.candidate)).toEqual([
      'control',
      'ts-control',
      'checkpoint',
      'jsonpatch',
      'combined'
    ])
    const text = (await cli(['compare', six, '--baseline', 'patch'])).stdout
    expect(text).toMatch(/\npatch +[\d.]+ s .* 1 \(baseline\) +Baseline\n/)
  })

  it('scaling: a parameter scan gets distinct names and labels the chart’s axis', async () => {
    const { status, results } = await json(['compare', scaling])
    expect(results.sweep!.groups).toEqual([
      'cli (parallelism=50)',
      'automation (parallelism=50)',
      'cli (parallelism=150)',
      'automation (parallelism=150)',
      'cli (parallelism=250)',
      'automation (parallelism=250)',
      'cli (parallelism=350)',
      'automation (parallelism=350)'
    ])
    // The Automation API at --parallel 50 is slower than the CLI at 50: the step fails.
    const automation = results.sweep!.comparisons[0]!
    expect(automation.comparison.verdict).toBe('regression')
    expect(results.sweep!.verdict).toBe('regression')
    expect(status).toBe(1)
    const markdown = (await cli(['compare', scaling, '--format', 'markdown'])).stdout
    expect(markdown).toContain('x-axis "group, parallelism" ["cli 50", "automation 50", "cli 150"')
  })

  it('says one answer in text, markdown and JSON: each row’s verdict and the step’s', async () => {
    const { results } = await json(['compare', scaling])
    const text = (await cli(['compare', scaling])).stdout
    const markdown = (await cli(['compare', scaling, '--format', 'markdown'])).stdout
    expect(text).toContain(`Verdict: ${results.sweep!.verdict}`)
    expect(markdown.split('\n')[0]).toMatch(
      /^## 🔴 Regression in 1 of 7 candidates: automation \(parallelism=50\)/
    )
    expect(text.split('\n')[0]).toContain(
      'Regression in 1 of 7 candidates: automation (parallelism=50)'
    )
    for (const { candidate, comparison } of results.sweep!.comparisons) {
      const label = VERDICT_WORD[comparison.verdict]
      expect(markdown).toMatch(
        new RegExp(`\\| \\*\\*${pattern(candidate)}\\*\\* \\|.*\\| ${label} \\|`)
      )
      expect(text).toMatch(new RegExp(`\\n${pattern(candidate)} .* ${label}\\n`))
    }
  })

  it('a sweep file written by compare reads back to the same sweep', async () => {
    const first = await json(['compare', six])
    const again = await json(['compare', tempFile('sweep.json', first.results)])
    expect(again.results.sweep).toEqual(first.results.sweep)
  })

  it('gives no verdict when any group failed a run, naming it', async () => {
    const data = JSON.parse(readFileSync(six, 'utf8')) as { results: { exit_codes: number[] }[] }
    data.results[3]!.exit_codes[2] = 1
    const { status, stdout } = await cli(['compare', tempFile('failed.json', data)])
    expect(stdout).toMatch(/1 of 20 checkpoint runs failed \(exit code 1 in 1\)/)
    expect(status).toBe(1)
  })

  it('report mode judges each comparison of a sweep file as a benchmark of its family', async () => {
    const { results } = await json(['compare', scaling])
    const path = tempFile('scaling-sweep.json', results)
    const { stdout } = await cli(['report', path, '--format', 'json'])
    const reported = JSON.parse(stdout) as { benchmarks: { benchmark: string }[] }
    expect(reported.benchmarks.map(item => item.benchmark)).toEqual(
      results.sweep!.comparisons.map(entry => `scaling-experiment · ${entry.candidate}`)
    )
  })

  it('keeps the markdown of 40 groups of 2,000 samples under GitHub’s limit', async () => {
    const groups = Array.from({ length: 40 }, (_, group) => ({
      command: `variant ${group}`,
      times: Array.from(
        { length: 2000 },
        (_, index) => 1 + ((index * 7919) % 101) / 1000 + group / 500
      ),
      parameters: { group: `v${group}` }
    }))
    const path = tempFile('wide.json', { results: groups })
    const { stdout, status } = await cli(['compare', path, '--format', 'markdown'])
    expect(stdout.length).toBeLessThanOrEqual(65_536 - 1_024)
    expect(stdout).toContain('| **v39** |')
    expect(status).toBe(1)
  })

  it('keeps names from a file out of the chart’s syntax', async () => {
    const hostile = ['a"] \nbar [1]', 'b', 'c'].map((group, index) => ({
      command: 'x',
      times: [1, 1.1, 1.2, 0.9].map(time => time + index),
      parameters: { group, scan: `${index}"]` }
    }))
    const { stdout } = await cli([
      'compare',
      tempFile('hostile.json', { results: hostile }),
      '--format',
      'markdown'
    ])
    const chart = stdout.slice(
      stdout.indexOf('```mermaid'),
      stdout.indexOf('```', stdout.indexOf('```mermaid') + 3)
    )
    expect(chart.match(/^ {4}bar /gm)).toHaveLength(1)
    expect(chart).toContain('x-axis "scan" ["0__", "1__", "2__"]')
  })
})
