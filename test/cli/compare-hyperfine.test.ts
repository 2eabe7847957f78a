import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ResultsFile } from '../../src/results/schema'
import { cli, tempFile } from '../helpers/cli'
import { fixturePath } from '../helpers/experiments'

// Real hyperfine output (fixtures/hyperfine/README.md) on which the command line once
// gave wrong or muddled answers.
const file = (name: string) => fixturePath('hyperfine', name)
const json = async (args: string[]) => {
  const { status, stdout, stderr } = await cli([...args, '--format', 'json'])
  return { status, stderr, results: JSON.parse(stdout) as ResultsFile }
}

/** Every number in a value, with its path. */
function numbersIn(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'number') return [[path, value]]
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, inner]) => numbersIn(inner, `${path}.${key}`))
}

describe('compare on real hyperfine files', () => {
  it('tells apart two results with the same command by position', async () => {
    const { results } = await json(['compare', file('same-command.json')])
    const { comparison } = results
    expect([comparison.baseline, comparison.candidate]).toEqual(['baseline', 'candidate'])
    const [first, second] = JSON.parse(readFileSync(file('same-command.json'), 'utf8')).results as {
      mean: number
    }[]
    expect(results.results[0]!.mean).toBeCloseTo(first!.mean, 12)
    expect(results.results[1]!.mean).toBeCloseTo(second!.mean, 12)
    expect(comparison.ratio.value).toBeCloseTo(second!.mean / first!.mean, 12)
    const { stdout } = await cli(['compare', file('same-command.json')])
    expect(stdout).not.toMatch(/sleep 0\.01 ran .* than sleep 0\.01/)
    expect(stdout).toMatch(
      /(Baseline|Candidate) ran \d+\.\d\d ± \d+\.\d\d times faster than (baseline|candidate)/
    )
  })

  it('names two files with the same command after the files', async () => {
    const { results } = await json(['compare', file('main.json'), file('pull-request.json')])
    expect([results.comparison.baseline, results.comparison.candidate]).toEqual([
      'main',
      'pull-request'
    ])
    expect(results.results.map(group => group.parameters.group)).toEqual(['main', 'pull-request'])
  })

  it('falls back to baseline and candidate for results without a command', async () => {
    const bare = tempFile('bare.json', {
      results: [{ times: [1, 1.1, 0.9] }, { times: [2, 2.1, 1.9] }]
    })
    const { results } = await json(['compare', bare])
    expect([results.comparison.baseline, results.comparison.candidate]).toEqual([
      'baseline',
      'candidate'
    ])
  })

  it.each(['colon.json', 'echo.json'])(
    'keeps every figure finite and every interval possible for times near zero (%s)',
    async name => {
      const { status, results } = await json(['compare', file(name), '--threshold', '5%'])
      expect(status).toBeLessThan(2)
      for (const [path, value] of numbersIn(results)) {
        expect(Number.isFinite(value), path).toBe(true)
      }
      expect(results.comparison.warnings.join('\n')).toMatch(/under 5 ms.*use shell: none/s)
      const { ratio } = results.comparison
      expect(ratio.ciLow).toBeGreaterThanOrEqual(0)
      const text = (await cli(['compare', file(name), '--threshold', '5%'])).stdout
      expect(text).not.toMatch(/Infinity|NaN/)
      for (const percent of text.matchAll(/-(\d+(?:\.\d+)?)%/g)) {
        expect(Number(percent[1])).toBeLessThanOrEqual(100)
      }
    }
  )

  it('names the groups and counts of failed runs', async () => {
    const { status, results } = await json(['compare', file('failed-runs.json')])
    expect(status).toBeLessThan(2)
    const codes = JSON.parse(readFileSync(file('failed-runs.json'), 'utf8')).results.map(
      (result: { exit_codes: number[] }) => result.exit_codes.filter(code => code !== 0).length
    ) as number[]
    const warnings = results.comparison.warnings.join('\n')
    expect(warnings).toContain(`${codes[0]} of 12 `)
    expect(warnings).toContain(`${codes[1]} of 12 `)
    expect(warnings).toMatch(/runs failed \(non-zero exit code or killed by a signal\)/)
  })

  it('counts runs killed by a signal (exit code null, as newer hyperfine writes)', async () => {
    const data = JSON.parse(readFileSync(file('failed-runs.json'), 'utf8'))
    for (const result of data.results) {
      result.exit_codes = result.exit_codes.map((code: number) => (code === 137 ? null : code))
    }
    const { results } = await json(['compare', tempFile('signals.json', data)])
    const killed = data.results[1].exit_codes.filter((code: number | null) => code === null).length
    expect(killed).toBeGreaterThan(0)
    expect(results.comparison.warnings.join('\n')).toContain(
      `${killed} of 12 ${data.results[1].command} runs failed`
    )
  })

  it('refuses a verdict when a group has no successful run', async () => {
    const { status, stdout, stderr } = await cli(['compare', file('never-succeeds.json')])
    expect(status).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(/sleep 0\.01; false: all 5 runs failed .*no successful run to compare/)
  })
})

describe('report mode with one benchmark reproduces compare', () => {
  it('on a 10-vs-19 hyperfine file, fixed size', async () => {
    const compared = await json(['compare', file('ten-vs-twenty.json'), '--threshold', '5%'])
    const reported = JSON.parse(
      (await cli(['report', file('ten-vs-twenty.json'), '--format', 'json'])).stdout
    ) as (ResultsFile & { pAdjusted: number })[]
    expect(reported).toHaveLength(1)
    const { pAdjusted, ...report } = reported[0]!
    expect(report).toEqual(compared.results)
    expect(pAdjusted).toBe(compared.results.comparison.welch.pRegression)
  })

  it('replaying the looks recorded by compare on the same file', async () => {
    const compared = await json([
      'compare',
      file('ten-vs-twenty.json'),
      '--looks',
      '10',
      '--threshold',
      '5%'
    ])
    expect(compared.results.comparison.design.looks[0]).toEqual({ baseline: 3, candidate: 6 })
    const recorded = tempFile('recorded.json', compared.results)
    const reported = JSON.parse((await cli(['report', recorded, '--format', 'json'])).stdout)[0]
    expect(reported.comparison).toEqual(compared.results.comparison)
  })
})
