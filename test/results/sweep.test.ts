import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../src/export/markdown/markdown'
import { renderText } from '../../src/export/text/text'
import type { GroupSource } from '../../src/results/build/build'
import { sweepFiles } from '../../src/results/read/sweep-files'
import { sweepPairs, sweepResultsFile, type SweepSource } from '../../src/results/build/sweep-build'
import { sweepItems } from '../../src/results/read/sweep'
import { planPhases, analyseFamily } from '../../src/stats/phases'
import { Random } from '../helpers/random'

const random = new Random(77)
const source = (name: string, mean: number): GroupSource => ({
  name,
  command: `pulumi up (${name})`,
  times: random.normals(12, mean, mean * 0.01),
  exitCodes: Array<number>(12).fill(0)
})

/** Three groups timing `up` and `destroy`; `slow` is 30% slower at destroy only. */
function threeGroups() {
  const sweep: SweepSource = {
    names: ['pulumi 3.1.0', 'pulumi 3.2.0', 'pulumi 3.3.0'],
    baseline: 0,
    phases: [
      { phase: 'up', sources: [source('b', 10), source('c1', 10), source('c2', 10)] },
      { phase: 'destroy', sources: [source('b', 4), source('c1', 4), source('c2', 5.2)] }
    ]
  }
  const design = planPhases({ alpha: 0.05, samples: 12, looks: 1, phases: 4 })
  const family = analyseFamily(
    sweepPairs(sweep).map(pair => ({ ...pair, design })),
    { alpha: 0.05, threshold: 0.05 }
  )
  return sweepResultsFile('api', sweep, family)
}

describe('the results file of a sweep over phases', () => {
  it('holds every comparison, candidate by candidate, and the first candidate’s as before', () => {
    const results = threeGroups()
    const sweep = results.sweep!
    expect(sweep.comparisons.map(entry => [entry.candidate, entry.phase])).toEqual([
      ['pulumi 3.2.0', 'up'],
      ['pulumi 3.2.0', 'destroy'],
      ['pulumi 3.3.0', 'up'],
      ['pulumi 3.3.0', 'destroy']
    ])
    expect(sweep.size).toBe(4)
    expect(sweep.verdict).toBe('regression')
    expect(sweep.comparisons[3]!.comparison.verdict).toBe('regression')
    expect(results.results.map(r => [r.parameters.phase, r.parameters.group])).toEqual([
      ['up', 'pulumi 3.1.0'],
      ['up', 'pulumi 3.2.0'],
      ['up', 'pulumi 3.3.0'],
      ['destroy', 'pulumi 3.1.0'],
      ['destroy', 'pulumi 3.2.0'],
      ['destroy', 'pulumi 3.3.0']
    ])
    expect(Object.keys(results.phases!)).toEqual(['up', 'destroy'])
    expect(results.phases!.destroy).toEqual(sweep.comparisons[1]!.comparison)
    // The step's verdict, over the whole sweep, for readers that gate on family.verdict.
    expect(results.family!.verdict).toBe('regression')
  })

  it('reports a table per phase and each comparison, in markdown and text alike', () => {
    const results = threeGroups()
    const markdown = renderMarkdown(results)
    const text = renderText(results)
    expect(markdown).toMatch(/^## 🔴 Regression in 1 of 2 candidates: pulumi 3\.3\.0/)
    expect(text).toMatch(/^api: Regression in 1 of 2 candidates: pulumi 3\.3\.0/)
    for (const phase of ['up', 'destroy']) expect(markdown).toContain(`### ${phase}`)
    expect(markdown.match(/```mermaid/g)).toHaveLength(2 + 4)
    expect(sweepItems(results).map(item => item.results.benchmark)).toEqual([
      'pulumi 3.2.0 · up',
      'pulumi 3.2.0 · destroy',
      'pulumi 3.3.0 · up',
      'pulumi 3.3.0 · destroy'
    ])
    expect(markdown).toMatch(/<details open>\n<summary>pulumi 3\.3\.0 · destroy: 🔴 Regression/)
  })

  it('report mode reads a sweep only when its names match what the file holds', () => {
    const results = threeGroups()
    const file = (sweep: unknown) => ({
      path: 'x.json',
      results: results.results.map(r => ({
        command: r.command,
        times: r.times,
        exitCodes: r.exit_codes,
        parameters: r.parameters as Record<string, string>
      })),
      raw: { ...results, sweep } as Record<string, unknown>
    })
    expect(sweepFiles(file(results.sweep))).toHaveLength(4)
    const stranger = {
      ...results.sweep,
      comparisons: [{ candidate: 'pulumi 9.9.9', comparison: {} }]
    }
    expect(sweepFiles(file(stranger))).toBeUndefined()
    expect(sweepFiles(file({ ...results.sweep, groups: ['a', 'a', 'b'] }))).toBeUndefined()
    expect(
      sweepFiles(
        file({ ...results.sweep, comparisons: [{ candidate: 'pulumi 3.2.0', phase: 'nap' }] })
      )
    ).toBeUndefined()
  })
})
