import { describe, expect, it } from 'vitest'
import { formatP } from '../../src/report/format/numbers'
import type { ResultsFile } from '../../src/results/schema'
import { cli, tempFile } from '../helpers/cli'
import { RunFolder } from '../helpers/commands'
import { fixturePath } from '../helpers/experiments'
import { around, phasedResults } from '../helpers/phased-results'

/** A results file made by `compare --format json` from one of Pulumi's experiments. */
async function resultsOf(name: string, file: string, flags: string[]): Promise<string> {
  const { stdout } = await cli(['compare', fixturePath('data', file), '--format', 'json', ...flags])
  return tempFile(`${name}.json`, { ...JSON.parse(stdout), benchmark: name })
}

describe('report', () => {
  it('joins benchmarks, adjusts their p-values and fails on a regression', async () => {
    const files = [
      await resultsOf('fixed', 'parallelism-fix.json', []),
      await resultsOf('broken', 'parallelism-fix.json', ['--baseline', 'fix']),
      await resultsOf('ported', 'ts-vs-py.json', ['--threshold', '10%'])
    ]
    const { status, stdout, stderr } = await cli(['report', ...files, '--format', 'json'])
    expect(stderr).toBe('')
    expect(status).toBe(1)
    const { benchmarks: items } = JSON.parse(stdout) as {
      benchmarks: {
        benchmark: string
        pAdjusted: number
        comparison: { verdict: string; welch: { pRegression: number } }
      }[]
    }
    expect(items.map(item => [item.benchmark, item.comparison.verdict])).toEqual([
      ['fixed', 'improvement'],
      ['broken', 'regression'],
      ['ported', 'unchanged']
    ])
    // Holm: the smallest of three p-values is multiplied by 3.
    const broken = items[1]!
    expect(broken.pAdjusted / broken.comparison.welch.pRegression).toBeCloseTo(3, 9)
  })

  it('judges each phase of a file as one benchmark of the family', async () => {
    const phased = phasedResults(
      [
        { phase: 'up', baseline: around(10), candidate: around(10) },
        { phase: 'destroy', baseline: around(3), candidate: around(6) }
      ],
      { benchmark: 'infra' }
    )
    const files = [
      tempFile('infra.json', phased),
      await resultsOf('fixed', 'parallelism-fix.json', [])
    ]
    const { status, stdout } = await cli(['report', ...files, '--format', 'json'])
    expect(status).toBe(1)
    const { benchmarks: items } = JSON.parse(stdout) as {
      benchmarks: {
        benchmark: string
        results: { parameters: { phase?: string } }[]
        pAdjusted: number
        comparison: {
          verdict: string
          design: { familySize: number }
          welch: { pRegression: number }
        }
      }[]
    }
    expect(items.map(item => [item.benchmark, item.comparison.verdict])).toEqual([
      ['infra · up', 'unchanged'],
      ['infra · destroy', 'regression'],
      ['fixed', 'improvement']
    ])
    // Each phase replays its own design, planned as one of the run's two phases.
    expect(items[1]!.comparison.design.familySize).toBe(2)
    expect(items[1]!.results.map(result => result.parameters.phase)).toEqual(['destroy', 'destroy'])
    expect(items[1]!.pAdjusted / items[1]!.comparison.welch.pRegression).toBeCloseTo(3, 6)
  })

  it('reads only the known phases of a file, each within the bounds of a design', async () => {
    const phased = phasedResults([
      { phase: 'up', baseline: around(10), candidate: around(10) },
      { phase: 'destroy', baseline: around(3), candidate: around(3) }
    ])
    const odd = tempFile('odd.json', { ...phased, phases: { ...phased.phases, 'rm -rf': {} } })
    const huge = tempFile('huge.json', {
      ...phased,
      phases: { ...phased.phases, destroy: { ...phased.phases!.destroy, plannedSamples: 1e9 } }
    })
    const { stdout, stderr } = await cli(['report', odd, huge, '--format', 'json'])
    const items = (JSON.parse(stdout) as { benchmarks: { benchmark: string }[] }).benchmarks
    expect(items.map(item => item.benchmark)).toEqual(['infra · up', 'infra · destroy'])
    expect(stderr).toContain(`warning: ${huge}: phases.destroy.plannedSamples is 1000000000`)
  })

  it('names unreadable files in warnings and reports the rest', async () => {
    const good = await resultsOf('fixed', 'parallelism-fix.json', [])
    const corrupt = tempFile('corrupt.json', '{"results": [')
    const foreign = tempFile('package.json', { name: 'not-results' })
    const { status, stdout, stderr } = await cli(['report', good, corrupt, foreign])
    expect(status).toBe(0)
    expect(stderr).toContain(`warning: ${corrupt}: not valid JSON`)
    expect(stderr).toContain(`warning: ${foreign}: no "results" array`)
    expect(stdout).toContain('fixed: Improvement')
  })

  it('fails with one line when no file is readable', async () => {
    const { status, stderr } = await cli(['report', tempFile('empty.json', '')])
    expect(status).toBe(2)
    expect(stderr).toMatch(/pulumi-perf-gate: results: none of .* gave a readable results file/)
  })

  it('names a run that did not finish, reports the rest, and fails', async () => {
    const good = await resultsOf('fixed', 'parallelism-fix.json', [])
    // A real results file of a run whose candidate failed.
    const run = new RunFolder()
    const failing = run.args(
      'true',
      'echo "connection reset"; exit 3',
      '--name',
      'web',
      '--samples',
      '3'
    )
    expect((await cli(failing, run.env())).status).toBe(1)
    const text = await cli(['report', good, run.resultsFile])
    expect(text.status).toBe(1)
    expect(text.stdout).toContain('fixed: Improvement')
    expect(text.stdout).toMatch(
      new RegExp(
        `^web \\(${run.resultsFile}\\) failed, no verdict: candidate .* failed with exit code 3\\.$`,
        'm'
      )
    )
    expect(text.stderr).toContain(`warning: ${run.resultsFile}: the benchmark did not finish`)
    expect(text.stderr.trimEnd().split('\n').at(-1)).toBe(
      'pulumi-perf-gate: 1 of 2 benchmarks failed: web'
    )

    const alone = await cli(['report', run.resultsFile, '--format', 'markdown'])
    expect(alone.status).toBe(1)
    expect(alone.stdout).toMatch(/^## ❌ Failed: 1 of 1 benchmark failed: web\n/)
    expect(alone.stdout).toContain('| web |')

    // JSON names the unfinished file too, beside the finished benchmarks.
    const json = await cli(['report', good, run.resultsFile, '--format', 'json'])
    expect(json.status).toBe(1)
    const report = JSON.parse(json.stdout) as {
      verdict: string
      headline: string
      benchmarks: { benchmark: string }[]
      unfinished: { benchmark: string; path: string; error: string }[]
    }
    expect(report.verdict).toBe('failed')
    expect(report.headline).toBe('Failed: 1 of 2 benchmarks failed: web')
    expect(report.benchmarks.map(item => item.benchmark)).toEqual(['fixed'])
    expect(report.unfinished).toEqual([
      {
        benchmark: 'web',
        path: run.resultsFile,
        error: expect.stringMatching(/^candidate .* failed with exit code 3\.$/)
      }
    ])
  })

  it('leads the text with the worst verdict over every benchmark, then counts them', async () => {
    // The first benchmark improved; the second regressed: the first line must not praise.
    const files = [
      await resultsOf('fixed', 'parallelism-fix.json', []),
      await resultsOf('broken', 'parallelism-fix.json', ['--baseline', 'fix']),
      await resultsOf('ported', 'ts-vs-py.json', ['--threshold', '10%'])
    ]
    const { status, stdout } = await cli(['report', ...files])
    expect(status).toBe(1)
    const [headline, counts] = stdout.split('\n')
    expect(headline).toBe('Regression in 1 of 3 benchmarks: broken')
    expect(counts).toBe('3 benchmarks: 1 regression, 1 improvement, 1 unchanged')
    expect(stdout).toMatch(/^fixed: Improvement/m)
    expect(stdout).toMatch(
      /^Regression p adjusted for 3 benchmarks \(Holm over stage-wise p\): \d/m
    )
  })

  it('counts one benchmark as one', async () => {
    const file = await resultsOf('fixed', 'parallelism-fix.json', [])
    const text = await cli(['report', file])
    expect(text.stdout.split('\n').slice(0, 2)).toEqual([
      'Improvement in 1 of 1 benchmark (fixed), no regression',
      '1 benchmark: 1 improvement'
    ])
    const markdown = await cli(['report', file, '--format', 'markdown'])
    expect(`${text.stdout}${markdown.stdout}`).not.toMatch(/\b1 benchmarks\b/)
  })

  it('shows in each row the p of the test that decided it, and what p adjusted is', async () => {
    const files = [
      await resultsOf('fixed', 'parallelism-fix.json', []),
      await resultsOf('broken', 'parallelism-fix.json', ['--baseline', 'fix'])
    ]
    const { stdout } = await cli(['report', ...files, '--format', 'markdown'])
    const { benchmarks } = JSON.parse(
      (await cli(['report', ...files, '--format', 'json'])).stdout
    ) as { benchmarks: ResultsFile[] }
    const [fixed, broken] = benchmarks.map(item => item.comparison.welch)
    // An improvement's regression p is about 1; the row shows its improvement test's p.
    expect(fixed!.pRegression).toBeGreaterThan(0.99)
    expect(stdout).toMatch(
      new RegExp(
        `^\\| fixed \\| 🟢 Improvement \\| .* \\| ${escapeRegExp(formatP(fixed!.pImprovement))} \\|$`,
        'm'
      )
    )
    expect(stdout).toMatch(
      new RegExp(
        `^\\| broken \\| 🔴 Regression \\| .* \\| ${escapeRegExp(formatP(broken!.pRegression))} \\|$`,
        'm'
      )
    )
    expect(stdout).toContain('Holm over stage-wise p')
  })
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
