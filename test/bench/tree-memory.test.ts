import { describe, expect, it } from 'vitest'
import { TreeMemoryPoller, type ProcReader } from '../../src/bench/resources/tree-memory'

/** A /proc of processes with their VmHWM (kB) and children; changed between scans. */
function fakeProc(tree: Record<number, { hwmKb?: number; children?: number[] }>): ProcReader {
  return {
    status: pid => {
      const entry = tree[pid]
      if (!entry) return undefined
      return entry.hwmKb === undefined ? 'State:\tZ (zombie)\n' : `VmHWM:\t${entry.hwmKb} kB\n`
    },
    children: pid => tree[pid]?.children ?? []
  }
}

describe('TreeMemoryPoller', () => {
  it('keeps the largest process of the tree, not the sum, down to the grandchildren', () => {
    const tree = {
      10: { hwmKb: 3000, children: [11, 12] },
      11: { hwmKb: 5000, children: [13] },
      12: { hwmKb: 100 },
      13: { hwmKb: 200_000 },
      99: { hwmKb: 900_000 } // not in the tree
    }
    const poller = new TreeMemoryPoller(10, fakeProc(tree))
    poller.scan()
    expect(poller.stop()).toBe(200_000 * 1024)
  })

  it('remembers a peak after that process has gone', () => {
    const tree: Record<number, { hwmKb?: number; children?: number[] }> = {
      10: { hwmKb: 3000, children: [11] },
      11: { hwmKb: 150_000 }
    }
    const poller = new TreeMemoryPoller(10, fakeProc(tree))
    poller.scan()
    tree[10] = { hwmKb: 3000, children: [12] }
    delete tree[11]
    tree[12] = { hwmKb: 20_000 }
    poller.scan()
    expect(poller.stop()).toBe(150_000 * 1024)
  })

  it('skips zombies and is undefined when no scan saw anything', () => {
    const zombie = new TreeMemoryPoller(10, fakeProc({ 10: {} }))
    zombie.scan()
    expect(zombie.stop()).toBeUndefined()
    expect(new TreeMemoryPoller(10, fakeProc({})).stop()).toBeUndefined()
  })
})
