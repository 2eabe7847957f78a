import { describe, expect, it } from 'vitest'
import { balancedOrder, interleavedOrder } from '../../src/bench/schedule/schedule'

describe('interleavedOrder', () => {
  it('alternates AB and BA pairs', () => {
    expect(interleavedOrder(5).join('')).toBe('0110011001')
  })

  it('gives each group its number of samples', () => {
    const order = interleavedOrder(7)
    expect(order.filter(group => group === 0)).toHaveLength(7)
    expect(order.filter(group => group === 1)).toHaveLength(7)
  })

  it('cancels a linear drift over every two pairs', () => {
    const order = interleavedOrder(8)
    const positionSum = (group: number) =>
      order.reduce<number>((sum, g, position) => (g === group ? sum + position : sum), 0)
    expect(positionSum(0)).toBe(positionSum(1))
  })

  it('is empty for no samples', () => {
    expect(interleavedOrder(0)).toEqual([])
  })
})

describe('balancedOrder', () => {
  it('is the counterbalanced pairs for two groups', () => {
    expect(balancedOrder(2, 5, 7)).toEqual(interleavedOrder(5))
  })

  it.each([3, 4, 5])('runs each of %i groups once per round', groups => {
    const rounds = 13
    const order = balancedOrder(groups, rounds, 11)
    expect(order).toHaveLength(groups * rounds)
    for (let round = 0; round < rounds; round++) {
      const slice = order.slice(round * groups, (round + 1) * groups)
      expect([...slice].sort()).toEqual(Array.from({ length: groups }, (_, index) => index))
    }
  })

  it.each([3, 4, 6])('puts each of %i groups first, and at every place, once per block', groups => {
    const order = balancedOrder(groups, groups * 3, 2024)
    for (let block = 0; block < 3; block++) {
      for (let place = 0; place < groups; place++) {
        const atPlace = Array.from(
          { length: groups },
          (_, round) => order[(block * groups + round) * groups + place]
        )
        expect([...atPlace].sort()).toEqual(Array.from({ length: groups }, (_, index) => index))
      }
    }
  })

  it('cancels a linear drift within every block', () => {
    const groups = 4
    const order = balancedOrder(groups, groups * 2, 5)
    const positionSum = (group: number) =>
      order.reduce<number>((sum, g, position) => (g === group ? sum + position : sum), 0)
    const sums = Array.from({ length: groups }, (_, group) => positionSum(group))
    expect(new Set(sums).size).toBe(1)
  })

  it('draws the same order from the same seed, and varies the blocks', () => {
    expect(balancedOrder(4, 12, 99)).toEqual(balancedOrder(4, 12, 99))
    const blocks = [0, 1, 2].map(block =>
      balancedOrder(4, 12, 99).slice(block * 16, block * 16 + 4)
    )
    expect(new Set(blocks.map(block => block.join())).size).toBeGreaterThan(1)
  })
})
