import { describe, expect, it } from 'vitest'
import { interleavedOrder } from '../../src/bench/schedule'

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
