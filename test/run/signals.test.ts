import { describe, expect, it } from 'vitest'
import { withSignalAbort } from '../../src/run/signals'

describe('withSignalAbort', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'aborts the task on %s and survives it while the task runs',
    async name => {
      const seen: string[] = []
      const reason = await withSignalAbort(
        signal =>
          new Promise<string>(resolve => {
            signal.addEventListener('abort', () => resolve(String(signal.reason)))
            process.kill(process.pid, name)
          }),
        received => seen.push(received)
      )
      expect(reason).toContain(`received ${name}`)
      expect(seen).toEqual([name])
    }
  )

  it('removes its handlers when the task is done', async () => {
    const before = process.listenerCount('SIGTERM')
    await withSignalAbort(() => Promise.resolve('done'))
    expect(process.listenerCount('SIGTERM')).toBe(before)
  })
})
