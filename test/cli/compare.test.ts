import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ResultsFile } from '../../src/results/schema'
import { cli, tempFile } from '../helpers/cli'
import { experimentTimes, fixturePath } from '../helpers/experiments'

const parallelismFix = fixturePath('data', 'parallelism-fix.json')
const tsVsPy = fixturePath('data', 'ts-vs-py.json')

function result(group: string, times: unknown[]): Record<string, unknown> {
  return { command: `run ${group}`, times, parameters: { group } }
}

describe('compare', () => {
  it('reads a file saved with a byte-order mark', async () => {
    const text = readFileSync(parallelismFix, 'utf8')
    const { status, stdout, stderr } = await cli(['compare', tempFile('bom.json', `\uFEFF${text}`)])
    expect(stderr).toBe('')
    expect(status).toBe(0)
    expect(stdout).toContain('3.17 ± 0.07 times faster')
  })

  it('reproduces the seed: 3.17 ± 0.07 times faster, p 2.93e-59, exit 0', async () => {
    const { status, stdout } = await cli(['compare', parallelismFix])
    expect(status).toBe(0)
    expect(stdout).toContain('3.17 ± 0.07 times faster')
    expect(stdout).toContain('2.93e-59')
    expect(stdout).toContain('222.232 s')
    expect(stdout).toContain('0.908 s')
  })

  it('prints the results file as JSON and nothing else', async () => {
    const { status, stdout } = await cli(['compare', parallelismFix, '--format', 'json'])
    expect(status).toBe(0)
    const results = JSON.parse(stdout) as ResultsFile
    expect(results.benchmark).toBe('parallelism-fix')
    expect(results.results.map(r => r.parameters.group)).toEqual(['control', 'fix'])
    expect(results.results[0]!.times).toEqual(experimentTimes('parallelism-fix.json', 'control'))
    expect(results.comparison.welch.t).toBeCloseTo(-388.4, 1)
    expect(results.comparison.threshold).toBe(0)
    expect(results.comparison.verdict).toBe('improvement')
  })

  it('exits 1 on a regression: the fix as baseline, control as candidate', async () => {
    const { status, stdout } = await cli([
      'compare',
      parallelismFix,
      '--baseline',
      'fix',
      '--candidate',
      'control'
    ])
    expect(status).toBe(1)
    expect(stdout.toLowerCase()).toContain('regression')
  })

  it('picks results by exact command and reads two files with one result each', async () => {
    const baseline = tempFile('py.json', {
      results: [result('python', experimentTimes('ts-vs-py.json', 'control'))]
    })
    const candidate = tempFile('ts.json', {
      results: [result('typescript', experimentTimes('ts-vs-py.json', 'ts-control'))]
    })
    const twoFiles = await cli(['compare', baseline, candidate, '--format', 'json'])
    const byCommand = await cli([
      'compare',
      tsVsPy,
      '--baseline',
      './scripts/ts-vs-py/up.bash control',
      '--format',
      'json'
    ])
    const fromTwo = JSON.parse(twoFiles.stdout) as ResultsFile
    const fromCommand = JSON.parse(byCommand.stdout) as ResultsFile
    expect(fromTwo.comparison.welch.t).toBeCloseTo(6.806, 3)
    expect(fromCommand.comparison.welch.t).toBeCloseTo(6.806, 3)
    expect(fromTwo.comparison.baseline).toBe('python')
  })

  it('honours --fail-on never and --threshold', async () => {
    const never = await cli(['compare', tsVsPy, '--fail-on', 'never'])
    expect(never.status).toBe(0)
    const wide = await cli(['compare', tsVsPy, '--threshold', '10%', '--format', 'json'])
    expect((JSON.parse(wide.stdout) as ResultsFile).comparison.verdict).toBe('unchanged')
  })

  it('places looks on the samples the file holds', async () => {
    const { stdout } = await cli(['compare', parallelismFix, '--looks', '4', '--format', 'json'])
    const { comparison } = JSON.parse(stdout) as ResultsFile
    expect(comparison.looks[0]!.samples).toBe(3)
    expect(comparison.stoppedEarly).toBe(true)
  })

  it('says a baseline of 0 s cannot be compared, in words', async () => {
    const zero = tempFile('zero.json', {
      results: [result('a', [0, 0, 0]), result('b', [1, 1.1, 0.9])]
    })
    const { status, stdout } = await cli(['compare', zero, '--threshold', '5%'])
    expect(status).toBe(0)
    expect(stdout.split('\n')[0]).toBe(
      'zero: Inconclusive: b cannot be compared with a, whose mean is 0 s'
    )
  })

  it('uses at most as many looks as the file has samples, as run does', async () => {
    const five = tempFile('five.json', {
      results: [result('a', [1, 1.1, 0.9, 1, 1.05]), result('b', [1.01, 1.1, 0.92, 1, 1.04])]
    })
    const { status, stdout, stderr } = await cli([
      'compare',
      five,
      '--looks',
      '20',
      '--format',
      'json'
    ])
    expect(status, stderr).toBe(0)
    const { comparison } = JSON.parse(stdout) as ResultsFile
    expect(comparison.design.looks.map(look => look.baseline)).toEqual([3, 4, 5])
  })
})

describe('compare with bad input: exit 2 and one line naming the problem', () => {
  const good = [result('a', [1, 1.1, 0.9]), result('b', [2, 2.1, 1.9])]
  const cases: [string, () => string[], RegExp][] = [
    ['malformed JSON', () => [tempFile('bad.json', '{"results": [')], /not valid JSON/],
    ['no results', () => [tempFile('none.json', { runs: [] })], /no "results" array/],
    ['one result only', () => [tempFile('one.json', { results: [good[0]] })], /holds 1 result/],
    [
      'unknown --baseline',
      () => [tempFile('x.json', { results: good }), '--baseline', 'nope'],
      /--baseline "nope" matches no result; the results are "a", "b"/
    ],
    [
      'negative time',
      () => [tempFile('neg.json', { results: [good[0], result('b', [1, -2, 3])] })],
      /times\[1\] is -2; times must be numbers of seconds from 0 to 1000000000/
    ],
    [
      'a time too large to add up',
      () => [tempFile('huge.json', { results: [good[0], result('b', [1e308, 1.1e308, 1])] })],
      /times\[0\] is 1e\+308; times must be numbers of seconds from 0 to 1000000000/
    ],
    [
      'non-numeric time',
      () => [tempFile('str.json', { results: [good[0], result('b', [1, 'fast', 3])] })],
      /times\[1\] is "fast"/
    ],
    [
      'alpha 0',
      () => [tempFile('x.json', { results: good }), '--alpha', '0'],
      /alpha: "0" is not valid; expected a number greater than 0 and at most 0.5/
    ],
    ['alpha 0.7', () => [tempFile('x.json', { results: good }), '--alpha', '0.7'], /alpha: "0.7"/],
    [
      'threshold not a number',
      () => [tempFile('x.json', { results: good }), '--threshold', 'five'],
      /threshold: "five" is not valid; expected a percentage/
    ],
    ['missing file', () => ['/nonexistent/file.json'], /cannot read the file \(ENOENT\)/],
    [
      'a group of one sample',
      () => [tempFile('x.json', { results: [good[0], result('b', [1])] })],
      /b has 1 sample/
    ],
    [
      'a group without times',
      () => [tempFile('x.json', { results: [good[0], result('b', [])] }), '--looks', '4'],
      /^pulumi-perf-gate: b has 0 samples; at least 2 are needed/
    ],
    ['unknown flag', () => [tempFile('x.json', { results: good }), '--colour', 'red'], /--colour/]
  ]

  it.each(cases)('%s', async (_, args, message) => {
    const { status, stdout, stderr } = await cli(['compare', ...args()])
    expect(status).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(message)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).not.toMatch(/\n\s+at /)
  })
})
