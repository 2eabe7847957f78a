import { writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/core/errors/errors'
import { parseResults, readResultsFile } from '../../src/results/read/read'
import { tempFile } from '../helpers/cli'

const TWO_RESULTS = {
  results: [
    { command: 'a', times: [1, 2], parameters: { group: 'baseline' } },
    { command: 'b', times: [3, 4], parameters: { group: 'candidate' } }
  ]
}

function withDesign(design: Record<string, unknown>): string {
  return JSON.stringify({ ...TWO_RESULTS, comparison: design })
}

describe('reading a results file as untrusted data', () => {
  it('reads JSON saved with a byte-order mark', () => {
    const file = parseResults(`\uFEFF${JSON.stringify(TWO_RESULTS)}`, 'bom.json')
    expect(file.results.map(result => result.times)).toEqual([
      [1, 2],
      [3, 4]
    ])
  })

  it('refuses a file larger than the limit before reading it, naming it', async () => {
    const path = tempFile('big.json', JSON.stringify(TWO_RESULTS))
    await expect(readResultsFile(path, { bytes: 50, depth: 64 })).rejects.toThrow(
      new RegExp(`^${path}: the file holds \\d+ bytes; a results file may hold at most 50$`)
    )
  })

  it('refuses nesting past the limit without exhausting the stack', () => {
    const deep = `{"results": [], "environment": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`
    expect(() => parseResults(deep, 'deep.json')).toThrow(
      'deep.json: nested deeper than 64 levels; not a results file'
    )
    expect(() =>
      parseResults(JSON.stringify({ results: [], a: [[[1]]] }), 'x.json', {
        bytes: 1e6,
        depth: 3
      })
    ).toThrow(InputError)
    expect(() =>
      parseResults(JSON.stringify({ results: [], a: [[1]] }), 'x.json', { bytes: 1e6, depth: 3 })
    ).not.toThrow()
  })

  it.each([
    [{ plannedSamples: 1e9, plannedLooks: 4 }, /plannedSamples is 1000000000; .* 1 to 10000 /],
    [{ plannedSamples: 20, plannedLooks: 1e9 }, /plannedLooks is 1000000000; .* 1 to 20 looks/],
    [{ plannedSamples: 10_000, plannedLooks: 51 }, /plannedLooks is 51; .* 1 to 50 looks/],
    [{ plannedSamples: 2.5 }, /plannedSamples is 2.5/],
    [{ plannedSamples: '20' }, /plannedSamples is "20"/],
    [{ plannedLooks: 0 }, /plannedLooks is 0/]
  ])('refuses a recorded design no run could have had: %j', (design, message) => {
    expect(() => parseResults(withDesign(design), 'design.json')).toThrow(message)
  })

  it('accepts the designs runs record, and files without one', () => {
    const file = parseResults(withDesign({ plannedSamples: 10_000, plannedLooks: 50 }), 'ok.json')
    expect(file.results).toHaveLength(2)
    expect(parseResults(JSON.stringify(TWO_RESULTS), 'hyperfine.json').results).toHaveLength(2)
  })

  it('names the file when it cannot be read', async () => {
    const path = tempFile('gone.json', '')
    writeFileSync(path, '')
    await expect(readResultsFile(`${path}.missing`)).rejects.toThrow(
      `${path}.missing: cannot read the file (ENOENT)`
    )
  })
})
