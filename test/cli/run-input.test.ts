import { describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli'
import { appendLine, RunFolder } from '../helpers/commands'

/** Each bad flag set, and the input its error must name. */
const BAD_FLAGS: [string, string[], string][] = [
  ['one sample', ['--samples', '1'], 'samples'],
  ['zero looks', ['--samples', '4', '--looks', '0'], 'looks'],
  ['a billion samples', ['--samples', '1000000000'], 'samples'],
  ['more samples than allowed', ['--samples', '10001'], 'samples'],
  ['more looks than allowed', ['--samples', '200', '--looks', '51'], 'looks'],
  ['a negative warmup', ['--warmup', '-1'], 'warmup'],
  ['a negative warmup given with =', ['--warmup=-1'], 'warmup'],
  ['a zero timeout', ['--timeout', '0'], 'timeout'],
  ['an unknown shell', ['--shell', 'fish'], 'shell'],
  ['an alpha above 0.5', ['--alpha', '0.9'], 'alpha'],
  ['a threshold that is no number', ['--threshold', 'abc'], 'threshold'],
  ['an unknown fail-on', ['--fail-on', 'maybe'], 'fail-on'],
  ['a family size of 0', ['--family-size', '0'], 'family-size'],
  ['a detrend that is no boolean', ['--detrend', 'maybe'], 'detrend'],
  ['an unknown comment mode', ['--comment', 'sometimes'], 'comment'],
  ['Pulumi phases for two commands', ['--phases', 'up, destroy'], 'phases: "up, destroy"'],
  ['an unknown flag', ['--bogus', '1'], '--bogus']
]

/**
 * Runs `run` with a prepare step that leaves a trace, and checks the run was
 * refused before anything ran: exit 2, one line on stderr naming `name`.
 */
async function expectRejected(commands: string[], flags: string[], name: string) {
  const run = new RunFolder()
  const prepare = appendLine(run.path('prepared'), 'ran')
  const args = ['run', ...commands, '--prepare', prepare, '--results-file', run.resultsFile]
  const { status, stdout, stderr } = await cli([...args, ...flags], run.env())
  expect(status).toBe(2)
  expect(stdout).toBe('')
  expect(stderr).toMatch(/^pulumi-perf-gate: [^\n]+\n$/)
  expect(stderr).toContain(name)
  expect(run.lines('prepared')).toEqual([])
  expect(run.lines('results.json')).toEqual([])
}

const BOTH = ['--baseline-command', 'sleep 0.01', '--candidate-command', 'sleep 0.01']

describe('run with bad input: exit 2, one line naming it, nothing run', () => {
  it.each(BAD_FLAGS)('%s', async (_, flags, name) => {
    await expectRejected(BOTH, flags, name)
  })

  it('only a baseline command', async () => {
    await expectRejected(BOTH.slice(0, 2), [], 'candidate-command')
  })

  it('only a candidate command', async () => {
    await expectRejected(BOTH.slice(2), [], 'baseline-command')
  })

  it.each([
    ['an unknown phase', 'up, deploy', 'phases: "deploy" is not a phase'],
    ['a phase listed twice', 'destroy up destroy', 'phases: "destroy" is listed twice']
  ])('%s in Pulumi mode', async (_, phases, message) => {
    const pulumi = ['--baseline-version', '3.43.1', '--program', '.']
    await expectRejected(pulumi, ['--phases', phases], message)
  })
})
