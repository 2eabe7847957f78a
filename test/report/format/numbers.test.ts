import { describe, expect, it } from 'vitest'
import {
  formatCount,
  formatDuration,
  formatDurationColumn,
  formatDurationColumns,
  formatP,
  formatPercent,
  formatPercentAmount,
  formatPercentChange,
  formatPlain,
  formatRatio,
  formatSeconds,
  formatStatistic,
  percentDigits,
  pIs
} from '../../../src/report/format/numbers'

describe('formatDurationColumn', () => {
  it('prints the seed table in seconds with three decimals', () => {
    expect(formatDurationColumn([222.23163429038996, 70.18860150699])).toEqual([
      '222.232 s',
      '70.189 s'
    ])
    expect(formatDurationColumn([0.9083616300775922, 1.496545832549325])).toEqual([
      '0.908 s',
      '1.497 s'
    ])
  })

  it('switches the whole column to milliseconds when every value is below a second', () => {
    expect(formatDurationColumn([0.0523, 0.0481])).toEqual(['52.3 ms', '48.1 ms'])
    expect(formatDurationColumn([0.5, 2])).toEqual(['0.500 s', '2.000 s'])
  })

  it('widens decimals so the smallest value keeps two significant digits', () => {
    expect(formatDurationColumn([0.0523, 0.00004])).toEqual(['52.300 ms', '0.040 ms'])
    expect(formatDurationColumn([12, 0.0004])).toEqual(['12.00000 s', '0.00040 s'])
  })

  it('uses one unit for the whole table, decimals per column', () => {
    expect(
      formatDurationColumns([
        [9.833, 10.233],
        [0.6236, 0.004]
      ])
    ).toEqual([
      ['9.833 s', '10.233 s'],
      ['0.6236 s', '0.0040 s']
    ])
    expect(formatDurationColumns([[0.2], [0.01]])).toEqual([['200.0 ms'], ['10.0 ms']])
  })

  it('keeps zero and marks values that are not numbers', () => {
    expect(formatDurationColumn([0, 0])).toEqual(['0.0 ms', '0.0 ms'])
    expect(formatDurationColumn([Number.NaN, 1])).toEqual(['-', '1.000 s'])
    expect(formatDuration(3.5)).toBe('3.500 s')
  })
})

describe('numbers', () => {
  it('formats p-values as the blog did, never as 0', () => {
    expect(formatP(2.928e-59)).toBe('2.93e-59')
    expect(formatP(1.398e-7)).toBe('1.40e-7')
    expect(formatP(0.0012)).toBe('0.0012')
    expect(formatP(0.04512)).toBe('0.045')
    expect(formatP(0)).toBe('< 1e-300')
    expect(pIs(0.0012)).toBe('= 0.0012')
    expect(pIs(0)).toBe('< 1e-300')
  })

  it('signs percentage changes and drops the sign when nothing changed', () => {
    expect(formatPercentChange(0.123)).toBe('+12.3%')
    expect(formatPercentChange(-0.684)).toBe('-68.4%')
    expect(formatPercentChange(0.0042)).toBe('+0.42%')
    expect(formatPercentChange(-0.000001)).toBe('0.00%')
    expect(formatPercentAmount(-0.123061)).toBe('12.3%')
    // Read together, an interval keeps one precision.
    expect(percentDigits(0.0098, 0.01, 0.0102)).toBe(1)
    expect(percentDigits(0.0042, -0.001)).toBe(2)
    expect(formatPercentChange(0.0098, 1)).toBe('+1.0%')
  })

  it('prints settings without float noise', () => {
    expect(formatPercent(0.05)).toBe('5%')
    expect(formatPercent(0.025)).toBe('2.5%')
    expect(formatPercent(0.07)).toBe('7%')
    expect(formatPlain(0.1 + 0.2)).toBe('0.3')
  })

  it('prints ratios, statistics, samples and counts', () => {
    expect(formatRatio(3.16624, 0.0687)).toBe('3.17 ± 0.07')
    expect(formatStatistic(-388.3967)).toBe('-388.40')
    expect(formatSeconds(221.74511625114)).toBe('221.745')
    expect(formatSeconds(0.010512345)).toBe('0.0105123')
    expect(formatCount(100000)).toBe('100,000')
  })
})
