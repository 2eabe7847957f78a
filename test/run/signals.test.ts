import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { runProcess } from '../../src/bench/process/spawn'
import { withInterrupts, type Interrupts } from '../../src/run/pipeline/signals'
import { readPids } from '../bench/fixtures/processes'

/** A command that counts the SIGINTs it gets in a file and ends on `touch <dir>/end`. */
async function countingCommand() {
  const dir = mkdtempSync(join(tmpdir(), 'perf-gate-signals-'))
  const script = `trap 'echo int >> "${dir}/ints"' INT; echo $$ > "${dir}/pid"; while [ ! -e "${dir}/end" ]; do sleep 0.02; done`
  const running = runProcess(
    { file: 'bash', args: ['-c', script] },
    { output: 'ignore', stop: { onCancel: 'interrupt', graceMs: 10 } }
  )
  await readPids(join(dir, 'pid'), 1)
  const ints = () => {
    try {
      return readFileSync(join(dir, 'ints'), 'utf8').trim().split('\n').length
    } catch {
      return 0
    }
  }
  const end = () => {
    writeFileSync(join(dir, 'end'), '')
    return running
  }
  return { ints, end }
}

async function signalTwice(interrupts: Interrupts, first: NodeJS.Signals, second: NodeJS.Signals) {
  const states: boolean[][] = []
  process.kill(process.pid, first)
  await sleep(100)
  states.push([interrupts.first.aborted, interrupts.second.aborted])
  process.kill(process.pid, second)
  await sleep(100)
  states.push([interrupts.first.aborted, interrupts.second.aborted])
  return states
}

describe('withInterrupts', () => {
  it.each([
    ['SIGINT', 'SIGTERM'],
    ['SIGTERM', 'SIGINT']
  ] as const)(
    'on %s then %s: stops measuring, then tearing down, forwarding each as a SIGINT',
    async (first, second) => {
      const command = await countingCommand()
      const seen: string[] = []
      const states = await withInterrupts(interrupts => signalTwice(interrupts, first, second), {
        forward: 'every',
        onSignal: (signal, count) => seen.push(`${count} ${signal}`)
      })
      expect(states).toEqual([
        [true, false],
        [true, true]
      ])
      expect(seen).toEqual([`1 ${first}`, `2 ${second}`])
      expect(command.ints()).toBe(2)
      expect(await command.end()).toMatchObject({ kind: 'aborted' })
    }
  )

  it('forwards only the first when told so (the action: not the runner’s SIGTERM)', async () => {
    const command = await countingCommand()
    await withInterrupts(interrupts => signalTwice(interrupts, 'SIGINT', 'SIGTERM'), {
      forward: 'first'
    })
    expect(command.ints()).toBe(1)
    await command.end()
  })

  it('removes its handlers when the task is done', async () => {
    const before = process.listenerCount('SIGTERM')
    await withInterrupts(() => Promise.resolve('done'), { forward: 'every' })
    expect(process.listenerCount('SIGTERM')).toBe(before)
  })
})
