import { describe, expect, it } from 'vitest'
import { parseResults } from '../../src/results/read/read'
import { reanalyse } from '../../src/results/reanalyse/reanalyse'
import { recordedDesign } from '../../src/results/read/recorded-design'
import { analyse } from '../../src/stats/analyse'
import { planRun } from '../../src/stats/design/design'
import { Random } from '../helpers/random'

const random = new Random(20)
/** 10 samples at CV 5% with one slow outlier, the candidate slower by `change`. */
const group = (change: number) =>
  random.normals(10, 60 * (1 + change), 3).map((x, i) => (i === 6 ? 2 * x : x))
const options = { alpha: 0.05, threshold: 0.05 }

function fileOf(baseline: number[], candidate: number[], comparison: unknown): string {
  return JSON.stringify({
    results: [
      { command: 'a', times: baseline, parameters: { group: 'baseline' } },
      { command: 'b', times: candidate, parameters: { group: 'candidate' } }
    ],
    comparison
  })
}

describe('a recorded design', () => {
  it('replays a trimmed run exactly: statistic, floor, spending, levels, verdict', () => {
    const design = planRun({ ...options, samples: 10, looks: 10, statistic: 'trimmed' })
    const [baseline, candidate] = [group(0), group(0.12)]
    const { comparison } = analyse(baseline, candidate, { ...options, design })
    const file = parseResults(fileOf(baseline, candidate, comparison), 'run.json')
    const again = reanalyse(file, { ...options, warn: line => expect.fail(line) })
    const replayed = again.results.comparison
    expect(replayed.design).toEqual(comparison.design)
    expect(replayed.design.statistic).toBe('trimmed')
    expect(replayed.looks).toEqual(comparison.looks)
    expect(replayed.verdict).toBe(comparison.verdict)
    expect(replayed.welch).toEqual(comparison.welch)
  })

  it('of a version before the floor replays as it was: the mean, no floor, every look', () => {
    const design = planRun({ ...options, samples: 20, looks: 10 })
    const old = {
      design: {
        looks: design.looks,
        familySize: 1,
        regression: { function: 'hwang-shih-decani', gamma: -3 },
        equivalence: { function: 'hwang-shih-decani', gamma: -1 },
        detrend: false
      }
    }
    const replay = recordedDesign(parseResults(fileOf([1, 2], [3, 4], old), 'old.json'))
    expect(replay.design).toMatchObject({
      statistic: 'mean',
      spreadFloor: null,
      fromSamples: { regression: 0, equivalence: 0 },
      gammas: { regression: -3, equivalence: -1 }
    })
  })

  it.each([
    [{ statistic: 'median' }, /statistic must be one of mean, trimmed/],
    [{ spreadFloor: { share: 2, belowSamples: 5 } }, /spread floor/],
    [{ spreadFloor: { share: 0.02 } }, /spread floor/],
    [{ regression: { function: 'hwang-shih-decani', gamma: -3, fromSamples: -1 } }, /fromSamples/]
  ])('refuses what no run records: %j', (fields, problem) => {
    const design = planRun({ ...options, samples: 20, looks: 10 })
    const file = parseResults(
      fileOf([1, 2], [3, 4], { design: { ...design, ...fields } }),
      'x.json'
    )
    expect(recordedDesign(file).problem).toMatch(problem)
  })
})
