import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../../src/export/markdown/markdown'
import { groupTable } from '../../../src/report/model'
import { formatBytesColumn } from '../../../src/report/format/resources'
import { renderText } from '../../../src/export/text/text'
import type { ResultsFile } from '../../../src/results/schema'
import { buildResults, spread } from '../../helpers/build-results'

const MiB = 2 ** 20

function withResources(
  measured: { baseline?: boolean; candidate?: boolean } = { baseline: true, candidate: true }
): ResultsFile {
  const results = buildResults({
    baseline: spread(10, 60, 3),
    candidate: spread(10, 63, 3),
    verdict: 'inconclusive',
    versions: { baseline: '3.43.1', candidate: '3.44.3' }
  })
  const [baseline, candidate] = results.results
  if (measured.baseline) {
    Object.assign(baseline!, {
      user: 40.5,
      system: 3.25,
      memory_usage_byte: Array(10).fill(180 * MiB)
    })
  }
  if (measured.candidate) {
    Object.assign(candidate!, {
      user: 45,
      system: 3.5,
      memory_usage_byte: [...Array(5).fill(200 * MiB), ...Array(5).fill(220 * MiB)]
    })
  }
  return results
}

describe('CPU and memory in the report', () => {
  it('adds mean CPU (user + system) and mean peak memory beside wall time', () => {
    const table = groupTable(withResources())
    expect(table.header.slice(-3)).toEqual(['Samples', 'CPU (user + sys)', 'Peak memory'])
    expect(table.rows.map(row => row.slice(-2))).toEqual([
      ['43.750 s', '180.0 MiB'],
      ['48.500 s', '210.0 MiB']
    ])
  })

  it('shows - for a group measured where the OS told nothing', () => {
    const table = groupTable(withResources({ candidate: true }))
    expect(table.rows.map(row => row.slice(-2))).toEqual([
      ['-', '-'],
      ['48.500 s', '210.0 MiB']
    ])
  })

  it('leaves the columns out when nothing was measured (Windows, hyperfine files)', () => {
    const table = groupTable(withResources({}))
    expect(table.header.at(-1)).toBe('Samples')
    expect(table.rows.every(row => row.length === table.header.length)).toBe(true)
  })

  it('renders them in the markdown table and the aligned text table', () => {
    const results = withResources()
    const markdown = renderMarkdown(results)
    expect(markdown).toContain('| Samples | CPU (user + sys) | Peak memory |')
    expect(markdown).toMatch(/\| 10 \| 43\.750 s \| 180\.0 MiB \|/)
    const text = renderText(results).split('\n')
    const header = text.find(line => line.startsWith('Group'))!
    expect(header).toMatch(/Samples\s+CPU \(user \+ sys\)\s+Peak memory$/)
    expect(text.find(line => line.startsWith('candidate'))).toMatch(/48\.500 s\s+210\.0 MiB$/)
  })
})

describe('formatBytesColumn', () => {
  it('uses one binary unit for the column, chosen by its largest value', () => {
    expect(formatBytesColumn([205.6 * MiB, 3 * MiB])).toEqual(['205.6 MiB', '3.0 MiB'])
    expect(formatBytesColumn([1.25 * 2 ** 30, 512 * MiB])).toEqual(['1.25 GiB', '0.50 GiB'])
    expect(formatBytesColumn([812 * 1024, NaN])).toEqual(['812 KiB', '-'])
    expect(formatBytesColumn([100])).toEqual(['0 KiB'])
  })
})
