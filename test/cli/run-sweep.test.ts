import { describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli'
import { appendLine, RunFolder } from '../helpers/commands'

describe('run of several candidate commands: a sweep', () => {
  it('runs every command once per round, each first equally often, and judges each', async () => {
    const run = new RunFolder()
    const log = run.path('order.log')
    const timed = (name: string, seconds: number) => `${appendLine(log, name)}; sleep ${seconds}`
    const { status, stderr } = await cli(
      run.args(
        timed('A', 0.05),
        timed('B', 0.05),
        '--candidate-commands',
        `${timed('C', 0.15)}\n${timed('D', 0.05)}`,
        ...['--warmup', '0', '--samples', '8', '--looks', '1', '--threshold', '20%']
      ),
      run.env()
    )
    // C sleeps three times as long: the one regression, and the step fails.
    expect(status, stderr).toBe(1)
    const lines = run.lines('order.log')
    expect(lines).toHaveLength(4 * 8)
    const rounds = Array.from({ length: 8 }, (_, round) => lines.slice(round * 4, round * 4 + 4))
    for (const round of rounds) expect([...round].sort()).toEqual(['A', 'B', 'C', 'D'])
    // Two blocks of four rounds: each command first once in each.
    const firsts = rounds.map(round => round[0])
    for (const block of [firsts.slice(0, 4), firsts.slice(4)]) {
      expect([...block].sort()).toEqual(['A', 'B', 'C', 'D'])
    }
    const results = run.results()
    const sweep = results.sweep!
    expect(sweep.groups).toHaveLength(4)
    expect(sweep.comparisons.map(entry => entry.comparison.verdict === 'regression')).toEqual([
      false,
      true,
      false
    ])
    expect(sweep.verdict).toBe('regression')
  })

  it('refuses candidate-commands without the two commands, in one line', async () => {
    const run = new RunFolder()
    const { status, stderr } = await cli(
      ['run', '--baseline-version', '3.44.3', '--candidate-commands', 'true'],
      run.env()
    )
    expect(status).toBe(2)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(
      /candidate-commands adds candidates to baseline-command and candidate-command/
    )
  })
})
