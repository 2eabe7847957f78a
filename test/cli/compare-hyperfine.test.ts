import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ResultsFile } from '../../src/results/schema'
import { cli, tempFile } from '../helpers/cli'
import { fixturePath, yuenReference } from '../helpers/experiments'
import { around, phasedResults } from '../helpers/phased-results'

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

  it('gives no verdict when runs failed, naming the groups and counts in the headline', async () => {
    const { status, stdout } = await cli(['compare', file('failed-runs.json')])
    expect(status).toBe(1)
    const data = JSON.parse(readFileSync(file('failed-runs.json'), 'utf8')) as {
      results: { command: string; exit_codes: number[] }[]
    }
    const [headline] = stdout.split('\n')
    for (const result of data.results) {
      const failed = result.exit_codes.filter(code => code !== 0).length
      expect(headline).toContain(`${failed} of 12 ${result.command} runs failed`)
    }
    expect(headline).toMatch(/^failed-runs: Failed: .*exit code 1 in \d+.*exit code 137 in \d+/)
    expect(stdout).not.toMatch(/Verdict|Improvement|Regression|Unchanged|Inconclusive/)
  })

  it('counts runs killed by a signal (exit code null, as newer hyperfine writes)', async () => {
    const data = JSON.parse(readFileSync(file('failed-runs.json'), 'utf8'))
    for (const result of data.results) {
      result.exit_codes = result.exit_codes.map((code: number) => (code === 137 ? null : code))
    }
    const { status, stdout } = await cli(['compare', tempFile('signals.json', data)])
    const killed = data.results[1].exit_codes.filter((code: number | null) => code === null).length
    expect(killed).toBeGreaterThan(0)
    expect(status).toBe(1)
    expect(stdout).toContain(`killed by a signal in ${killed}`)
  })

  it('gives no verdict when a group has no successful run', async () => {
    const { status, stdout, stderr } = await cli(['compare', file('never-succeeds.json')])
    expect(status).toBe(1)
    expect(stdout).toMatch(/^never-succeeds: Failed: 5 of 5 sleep 0\.01; false runs failed/)
    expect(stderr).toMatch(/^pulumi-perf-gate: 5 of 5 sleep 0\.01; false runs failed/)
  })
})

describe('a candidate that crashes in 12 of 20 runs (hyperfine -N -i)', () => {
  const crashing = file('crashing-candidate.json')
  const failures =
    /^crashing-candidate: Failed: 12 of 20 \.\/crashy\.sh runs failed \(exit code 139 in 12\)/

  it.each(['text', 'markdown'])(
    'compare gives no verdict and exits 1 (--format %s)',
    async format => {
      const { status, stdout } = await cli(['compare', crashing, '--format', format])
      expect(status).toBe(1)
      const first = stdout
        .split('\n')[0]!
        .replace(/^## ❌ Failed: /, 'crashing-candidate: Failed: ')
      expect(first).toMatch(failures)
      expect(stdout).not.toMatch(/Improvement|faster|Verdict/)
    }
  )

  it('compare --format json prints the file without a comparison, with the error', async () => {
    const { status, stdout } = await cli(['compare', crashing, '--format', 'json'])
    expect(status).toBe(1)
    const printed = JSON.parse(stdout) as Record<string, unknown>
    expect(printed.comparison).toBeUndefined()
    expect(printed.error).toMatch(/12 of 20 \.\/crashy\.sh runs failed/)
  })

  it('report names it as failed, gives it no verdict and exits 1', async () => {
    for (const format of ['text', 'markdown', 'json']) {
      const { status, stdout, stderr } = await cli(['report', crashing, '--format', format])
      expect(status).toBe(1)
      expect(stdout).not.toMatch(/Improvement|faster/)
      expect(stderr).toMatch(/pulumi-perf-gate: 1 of 1 benchmark failed: crashing-candidate/)
    }
    const markdown = (await cli(['report', crashing, '--format', 'markdown'])).stdout
    expect(markdown).toMatch(/^## ❌ Failed: 1 of 1 benchmark failed: crashing-candidate\n/)
    expect(markdown).toContain('12 of 20 ./crashy.sh runs failed (exit code 139 in 12)')
  })
})

describe('report mode with one benchmark reproduces compare', () => {
  it('on a 10-vs-19 hyperfine file, fixed size', async () => {
    const compared = await json(['compare', file('ten-vs-twenty.json'), '--threshold', '5%'])
    const reported = (
      JSON.parse(
        (await cli(['report', file('ten-vs-twenty.json'), '--format', 'json'])).stdout
      ) as {
        benchmarks: (ResultsFile & { pAdjusted: number })[]
      }
    ).benchmarks
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
    const reported = JSON.parse((await cli(['report', recorded, '--format', 'json'])).stdout)
      .benchmarks[0]
    expect(reported.comparison).toEqual(compared.results.comparison)
  })
})

describe('compare at threshold 0: one two-sided Welch test at alpha', () => {
  it('calls no regression when the two-sided p is above alpha (0.055 on real hyperfine output)', async () => {
    const { status, results } = await json(['compare', file('two-sided-p.json')])
    const { welch, verdict, looks } = results.comparison
    expect(welch.pTwoSided).toBeGreaterThan(0.05)
    expect(welch.pRegression).toBeLessThan(0.05) // the one-sided p that once decided
    expect(verdict).toBe('inconclusive')
    expect(looks[0]!.level).toBe(0.025)
    expect(status).toBe(0)
  })

  it('calls a regression at alpha = 0.1, where the two-sided p is below it', async () => {
    const { status, results } = await json(['compare', file('two-sided-p.json'), '--alpha', '0.1'])
    expect(results.comparison.verdict).toBe('regression')
    expect(status).toBe(1)
  })

  it.each([
    [['--threshold', ''], /^pulumi-perf-gate: --threshold is empty; give it a value/],
    [['--threshold='], /^pulumi-perf-gate: --threshold is empty; give it a value/],
    [['--alpha', '0.1', '--alpha', '0.05'], /^pulumi-perf-gate: --alpha is given more than once/]
  ])('refuses %j: one line, exit 2', async (flags, message) => {
    const { status, stdout, stderr } = await cli(['compare', file('two-sided-p.json'), ...flags])
    expect(status).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(message)
    expect(stderr.trim().split('\n')).toHaveLength(1)
  })
})

describe('more than two results', () => {
  it.each([
    ['four-commands.json', ['sleep 0.03', 'sleep 0.025', 'sleep 0.04']],
    ['parameter-scan.json', ['sleep 0.020', 'sleep 0.030', 'sleep 0.040']]
  ])('compares every other result of %s with the first, none left out', async (name, others) => {
    const { results } = await json(['compare', file(name)])
    expect(results.sweep!.comparisons.map(entry => entry.candidate)).toEqual(others)
    expect(results.comparison.warnings.some(line => line.includes('left out'))).toBe(false)
    const text = (await cli(['compare', file(name)])).stdout
    for (const command of others) expect(text).toContain(command)
    expect(text).not.toContain('left out')
  })

  it('names the four left out of the six-way experiment when --candidate picks one', async () => {
    const six = fixturePath('data', 'six-way-experiment.json')
    const picked = await json(['compare', six, '--baseline', 'control', '--candidate', 'patch'])
    expect(picked.results.sweep).toBeUndefined()
    expect(picked.results.comparison.warnings[0]).toMatch(
      /^4 more results were left out .*"ts-control", "checkpoint", "jsonpatch", "combined"/
    )
    expect(picked.results.comparison.warnings[0]).not.toContain('"patch"')
  })
})

describe('compare on a results file of ours', () => {
  it('gives the verdict the run recorded, replaying its design (unchanged at ±5%)', async () => {
    const { status, results } = await json(['compare', file('run-unchanged.json')])
    expect(results.comparison.verdict).toBe('unchanged')
    expect(results.comparison.threshold).toBe(0.05)
    expect(results.comparison.looks.map(look => look.samples)).toEqual([3, 4, 5])
    expect(status).toBe(0)
  })

  it('gives a phased run its recorded step verdict, not the first phase plain', async () => {
    const phased = phasedResults([
      { phase: 'up', baseline: around(10), candidate: around(9.6) },
      { phase: 'preview', baseline: around(2), candidate: [2.1, 1.8, 2.3, 1.7, 2.2, 1.9, 2.4, 1.6] }
    ])
    expect(phased.family!.verdict).toBe('inconclusive')
    const { results } = await json(['compare', tempFile('phased.json', phased)])
    expect(results.family!.verdict).toBe('inconclusive')
    expect(results.phases!.up!.verdict).toBe(phased.phases!.up!.verdict)
  })
})

describe('files that are not results files', () => {
  it('refuses a device that never ends in one line, exit 2', async () => {
    const { status, stdout, stderr } = await cli(['compare', '/dev/zero'])
    expect(status).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(
      /^pulumi-perf-gate: \/dev\/zero: the file holds more than \d+ bytes; a results file may hold at most \d+\n$/
    )
  })

  it('refuses exit codes that do not match the times one for one', async () => {
    const data = JSON.parse(readFileSync(file('crashing-candidate.json'), 'utf8'))
    // Eight codes for twenty times cannot say which runs failed.
    data.results[1].exit_codes = data.results[1].exit_codes.slice(0, 8)
    const { status, stdout, stderr } = await cli(['compare', tempFile('short.json', data)])
    expect(status).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(
      /^pulumi-perf-gate: .*short\.json: results\[1\]\.exit_codes must be an array with one exit code per time \(20\), an integer or null each\n$/
    )
  })
})

describe('what compare says beside the figures', () => {
  it('does not flag most samples as outliers when more than half are equal (MAD 0)', async () => {
    const data = JSON.parse(readFileSync(file('colon.json'), 'utf8')) as {
      results: { times: number[] }[]
    }
    const zeros = data.results[1]!.times.filter(time => time === 0).length
    expect(zeros).toBeGreaterThan(10) // of 20: the MAD is 0
    const { results } = await json(['compare', file('colon.json')])
    expect(results.comparison.warnings.join('\n')).not.toMatch(
      /of 20 candidate samples are statistical outliers/
    )
  })
  it('gives no shell advice for a file made without a shell (hyperfine -N)', async () => {
    const { stdout } = await cli(['compare', file('true-vs-true.json')])
    // Both groups took under 5 ms; the file's times are whole nanoseconds, as -N writes.
    expect(stdout).toMatch(/^baseline +true +\d\.\d ms/m)
    expect(stdout).not.toContain('shell: none')
  })
  it('gives the interval of the factor the sentence names, in its direction', async () => {
    const { results } = await json(['compare', file('ten-vs-twenty.json')])
    const { ratio } = results.comparison
    // The candidate is faster: candidate/baseline is below 1, the factor above.
    expect(ratio.ciHigh!).toBeLessThan(1)
    const { stdout } = await cli(['compare', file('ten-vs-twenty.json')])
    const sentence = stdout.match(
      /sleep 0\.15 ran (\d+\.\d+) ± \d+\.\d+ times faster than sleep 0\.3; .* The 95% confidence interval of that factor is (\d+\.\d+) to (\d+\.\d+)\./
    )
    expect(sentence, stdout).not.toBeNull()
    const [factor, low, high] = sentence!.slice(1).map(Number)
    expect(low).toBeCloseTo(1 / ratio.ciHigh!, 2)
    expect(high).toBeCloseTo(1 / ratio.ciLow!, 2)
    expect(low).toBeLessThan(factor!)
    expect(high).toBeGreaterThan(factor!)
  })
  it('names both groups’ samples at each look when the groups differ in size', async () => {
    const { results } = await json(['compare', file('ten-vs-twenty.json'), '--looks', '3'])
    const [look] = results.comparison.looks
    expect(look!.baseline).not.toBe(look!.candidate)
    const { stdout } = await cli(['compare', file('ten-vs-twenty.json'), '--looks', '3'])
    expect(stdout).not.toMatch(/samples per group\)/)
    expect(stdout).toContain(
      `(at ${look!.baseline} baseline and ${look!.candidate} candidate samples)`
    )
  })
  it('words p and t of groups that do not vary the same way everywhere', async () => {
    const still = tempFile('still.json', {
      results: [
        { command: 'a', times: Array<number>(6).fill(0.1), exit_codes: Array<number>(6).fill(0) },
        { command: 'b', times: Array<number>(6).fill(0.2), exit_codes: Array<number>(6).fill(0) }
      ]
    })
    for (const format of ['text', 'markdown']) {
      const { stdout } = await cli(['compare', still, '--format', format])
      expect(stdout).not.toMatch(/t = -|p(\(\w+\))? = 0\b/)
      expect(stdout).toContain('Regression: b ran 100.0% slower than a (p < 1e-300;')
      expect(stdout).toContain('p(regression) < 1e-300')
      expect(stdout).toContain('t not finite (neither group varies)')
    }
  })
})

describe('compare --statistic', () => {
  // fixtures/scipy-reference.json: scipy.stats.ttest_ind(equal_var=False, trim=0.2).
  const yuen = yuenReference().filter(c => c.threshold === 0)

  it("trimmed: Yuen's test on a plain hyperfine file, as scipy computes it", async () => {
    for (const c of yuen.slice(0, 3)) {
      const plain = tempFile('plain.json', {
        results: [
          { command: 'a', times: c.baseline, exit_codes: c.baseline.map(() => 0) },
          { command: 'b', times: c.candidate, exit_codes: c.candidate.map(() => 0) }
        ]
      })
      const { status, results } = await json(['compare', plain, '--statistic', 'trimmed'])
      expect(status).toBeLessThanOrEqual(1)
      const { welch, design } = results.comparison
      expect(design?.statistic).toBe('trimmed')
      for (const [ours, theirs] of [
        [welch.t, c.t],
        [welch.df, c.df],
        [welch.pTwoSided, c.pTwoSided]
      ] as const) {
        expect(Math.abs(ours - theirs) / Math.max(Math.abs(theirs), 1e-300)).toBeLessThan(1e-6)
      }
      const mean = await json(['compare', plain])
      expect(mean.results.comparison.design?.statistic).toBe('mean')
      expect(mean.results.comparison.welch.t).not.toBeCloseTo(c.t, 6)
    }
  })

  it('refuses a statistic it does not know, in one line naming the flag and the choices', async () => {
    const { status, stdout, stderr } = await cli([
      'compare',
      file('true-vs-true.json'),
      '--statistic',
      'median'
    ])
    expect(status).toBe(2)
    expect(stdout).toBe('')
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/--statistic.*mean.*trimmed/)
  })
})
