import { describe, expect, it } from 'vitest'
import { BenchmarkError } from '../../src/core/errors/errors'
import type { GroupSource } from '../../src/results/build/build'
import { partialResultsFile } from '../../src/results/build/partial'
import { fixedRunDesign } from '../helpers/run-design'

const design = fixedRunDesign('bench')

function source(name: string, times: number[]): GroupSource {
  return { name, command: `cmd ${name}`, times, exitCodes: times.map(() => 0) }
}

describe('partialResultsFile', () => {
  it('keeps the error and every sample, with null figures where they are undefined', () => {
    const file = partialResultsFile(
      design,
      [{ sources: { baseline: source('baseline', [1.5]), candidate: source('candidate', []) } }],
      new BenchmarkError('candidate sample 1 of 10 failed with exit code 3'),
      {}
    )
    expect(file.error).toBe('candidate sample 1 of 10 failed with exit code 3')
    expect(file.results[0]).toMatchObject({ mean: 1.5, stddev: null, times: [1.5] })
    expect(file.results[1]).toMatchObject({ mean: null, median: null, min: null, times: [] })
    expect('comparison' in file).toBe(false)
  })

  it('carries no comparison, so no verdict, however many samples there are', () => {
    const file = partialResultsFile(
      design,
      [
        {
          sources: {
            baseline: source('baseline', [1.0, 1.1, 0.9]),
            candidate: source('candidate', [2.0, 2.2])
          }
        }
      ],
      new BenchmarkError('interrupted'),
      {}
    )
    expect(file.results.map(result => result.times.length)).toEqual([3, 2])
    expect(file.results[1]).toMatchObject({ mean: 2.1, min: 2.0, max: 2.2 })
    expect('comparison' in file).toBe(false)
  })
})
