import { describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli'
import { appendLine, RunFolder } from '../helpers/commands'

describe('run order', () => {
  it('prepares every warmup run and sample, interleaves AB BA, and cleans up once at the end', async () => {
    const run = new RunFolder()
    const log = run.path('order.log')
    // A short sleep keeps the times above the shell's start-up time that is subtracted.
    const timed = (name: string) => `${appendLine(log, name)}; sleep 0.01`
    const { status } = await cli(
      run.args(
        timed('A'),
        timed('B'),
        ...['--prepare', appendLine(log, 'prepare'), '--cleanup', appendLine(log, 'cleanup')],
        ...['--warmup', '2', '--samples', '4', '--looks', '1', '--fail-on', 'never']
      ),
      run.env()
    )
    expect(status).toBe(0)
    const a = ['prepare', 'A']
    const b = ['prepare', 'B']
    const warmups = [...a, ...b, ...a, ...b]
    const samples = [...a, ...b, ...b, ...a, ...a, ...b, ...b, ...a]
    expect(run.lines('order.log')).toEqual([...warmups, ...samples, 'cleanup'])
    expect(run.results().results.map(result => result.times.length)).toEqual([4, 4])
  })
})
