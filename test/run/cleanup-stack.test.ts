import { describe, expect, it } from 'vitest'
import { CleanupStack } from '../../src/run/cleanup-stack'

describe('CleanupStack', () => {
  it('runs tasks newest first and carries on past failures, collecting warnings', async () => {
    const order: string[] = []
    const cleanup = new CleanupStack()
    cleanup.push(() => {
      order.push('first registered')
      return Promise.resolve(['a warning'])
    })
    cleanup.push(() => {
      order.push('second registered')
      return Promise.reject(new Error('it broke'))
    })
    expect(await cleanup.runAll()).toEqual(['it broke', 'a warning'])
    expect(order).toEqual(['second registered', 'first registered'])
  })

  it('runs each task once, also when asked twice at the same time', async () => {
    let runs = 0
    const cleanup = new CleanupStack()
    cleanup.push(async () => {
      runs++
      await new Promise(resolve => setTimeout(resolve, 10))
      return []
    })
    await Promise.all([cleanup.runAll(), cleanup.runAll()])
    await cleanup.runAll()
    expect(runs).toBe(1)
  })
})
