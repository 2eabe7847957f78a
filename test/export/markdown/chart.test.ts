import { describe, expect, it } from 'vitest'
import {
  chartDecimals,
  downsample,
  MAX_CHART_POINTS,
  mermaidChart,
  renderChart,
  samplesPerPoint
} from '../../../src/export/markdown/parts/chart'
import { PLAIN_STYLE } from '../../../src/report/model'
import { experimentTimes } from '../../helpers/experiments'
import { group } from '../../helpers/build-results'

/** Mermaid's xychart number token: plain decimals, no exponent. */
const MERMAID_NUMBER = '[+-]?(?:\\d+(?:\\.\\d+)?|\\.\\d+)'
const LINE = new RegExp(`^ {4}line \\[${MERMAID_NUMBER}(?:, ${MERMAID_NUMBER})*\\]$`)

/** Checks the block line by line against xychart-beta's grammar; returns the plotted lines. */
function parseChart(block: string): number[][] {
  const lines = block.split('\n')
  expect(lines[0]).toBe('```mermaid')
  expect(lines.at(-1)).toBe('```')
  expect(lines[1]).toMatch(/^%%\{init: .*\}%%$/)
  const init = JSON.parse(lines[1]!.slice('%%{init: '.length, -'}%%'.length)) as {
    themeVariables: { xyChart: { plotColorPalette: string } }
  }
  expect(init.themeVariables.xyChart.plotColorPalette.split(', ')).toHaveLength(2)
  expect(lines[2]).toBe('xychart-beta')
  expect(lines[3]).toMatch(/^ {4}title "[^"\n]*"$/)
  expect(lines[4]).toMatch(
    new RegExp(`^ {4}x-axis "sample" \\[${MERMAID_NUMBER}(, ${MERMAID_NUMBER})*\\]$`)
  )
  expect(lines[5]).toMatch(/^ {4}y-axis "seconds"$/)
  const plotted = lines.slice(6, -1)
  expect(plotted).toHaveLength(2)
  return plotted.map(line => {
    expect(line).toMatch(LINE)
    return line
      .slice(line.indexOf('[') + 1, -1)
      .split(', ')
      .map(Number)
  })
}

describe('downsample', () => {
  it('averages consecutive buckets and keeps the partial last one', () => {
    expect(downsample([1, 2, 3, 4, 5], 2)).toEqual([1.5, 3.5, 5])
    expect(downsample([4, 2], 1)).toEqual([4, 2])
  })

  it('keeps every line at most MAX_CHART_POINTS long', () => {
    for (const samples of [1, 99, 100, 101, 12_345, 100_000]) {
      const points = Math.ceil(samples / samplesPerPoint(samples))
      expect(points).toBeLessThanOrEqual(MAX_CHART_POINTS)
    }
  })
})

describe('mermaidChart', () => {
  it('plots every sample of the blog experiment in run order', () => {
    const control = experimentTimes('parallelism-fix.json', 'control')
    const fix = experimentTimes('parallelism-fix.json', 'fix')
    const [baseline, candidate] = parseChart(mermaidChart(control, fix))
    expect(baseline).toHaveLength(control.length)
    expect(candidate).toHaveLength(fix.length)
    expect(mermaidChart(control, fix)).toContain(
      `x-axis "sample" [${control.map((_, i) => i + 1).join(', ')}]`
    )
    const resolution = 10 ** -chartDecimals([...control, ...fix])
    baseline!.forEach((value, i) =>
      expect(Math.abs(value - control[i]!)).toBeLessThanOrEqual(resolution)
    )
    candidate!.forEach((value, i) =>
      expect(Math.abs(value - fix[i]!)).toBeLessThanOrEqual(resolution)
    )
  })

  it('never prints exponents, even for microsecond differences', () => {
    const tiny = [0.0000123, 0.0000125, 0.0000121]
    const [line] = parseChart(mermaidChart(tiny, tiny))
    line!.forEach((value, i) => expect(value).toBeCloseTo(tiny[i]!, 9))
  })

  it('downsamples 100,000 samples to a small block', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => 1 + (i % 10) / 100)
    const block = mermaidChart(many, many)
    const lines = parseChart(block)
    expect(lines[0]!.length).toBeLessThanOrEqual(MAX_CHART_POINTS)
    expect(block).toContain('x-axis "sample" [1, 1001, 2001,')
    expect(block).toContain(', 99001]')
    expect(block.length).toBeLessThan(5_000)
  })
})

describe('renderChart', () => {
  it('names the lines in a sentence and says when points are averages', () => {
    const times = Array.from({ length: 1_000 }, (_, i) => 2 + i / 1_000)
    const text = renderChart(
      { baseline: group(times, 'control', 'a'), candidate: group(times, 'fix', 'b') },
      PLAIN_STYLE
    )
    expect(text).toContain('blue: control, orange: fix')
    expect(text).toContain('Each point is the mean of 10 consecutive samples.')
  })

  it('is left out when a group has no samples', () => {
    const chart = renderChart(
      {
        baseline: group([1, 2], 'baseline', 'a'),
        candidate: { ...group([1], 'candidate', 'b'), times: [] }
      },
      PLAIN_STYLE
    )
    expect(chart).toBe('')
  })
})
