import { describe, expect, it } from 'vitest'
import type { BisectResults, BisectStep, SearchEnd } from '../../src/results/bisect'
import { bisectFails, bisectVerdict } from '../../src/report/bisect-model'
import { renderBisectMarkdown } from '../../src/export/markdown/bisect-markdown'
import { renderBisectText } from '../../src/export/text/bisect-text'
import { formatChange } from '../../src/report/model'
import { moreChangesSuspected } from '../../src/run/bisect/bisect-more'
import { around, phasedResults } from '../helpers/phased-results'

const VERSIONS = ['3.181.0', '3.182.0', '3.183.0', '3.184.0', '3.185.0']

/** A step whose `up` against good's 1 s took `mean` seconds. */
function step(
  index: number,
  role: BisectStep['role'],
  mean: number,
  versions = VERSIONS
): BisectStep {
  const results = phasedResults([{ phase: 'up', baseline: around(1), candidate: around(mean) }])
  return {
    index,
    version: versions[index]!,
    role,
    verdict: results.family!.verdict,
    resultsFile: `/tmp/step-${index}/results.json`,
    results
  }
}

function bisect(
  steps: BisectStep[],
  end: SearchEnd | undefined,
  source: 'releases' | 'list' = 'releases',
  versions = VERSIONS
): BisectResults {
  const results: BisectResults = {
    bisect: {
      benchmark: 'infra',
      source,
      versions,
      phases: ['up'],
      alpha: 0.05,
      threshold: 0.05,
      comparisons: 3,
      comparisonAlpha: 0.05 / 3,
      ...(end === undefined ? { error: 'the benchmark was aborted' } : { end })
    },
    steps
  }
  if (end !== undefined) results.bisect.moreSuspected = moreChangesSuspected(steps, end)
  return results
}

describe('bisect report', () => {
  it('names the first slow release, its change, and links its notes and the diff', () => {
    // One slowdown: 3.183.0 is as slow as bad.
    const results = bisect([step(4, 'confirm', 1.5), step(2, 'probe', 1.5), step(1, 'probe', 1)], {
      kind: 'located',
      fast: 1,
      slow: 2
    })
    expect(results.bisect.moreSuspected).toBe(false)
    expect(bisectVerdict(results)).toBe('regression')
    expect(bisectFails(results, 'regression')).toBe(true)
    expect(bisectFails(results, 'never')).toBe(false)
    const text = renderBisectText(results)
    expect(text.split('\n')[0]).toBe('infra: 3.183.0 made it slower (last fast: 3.182.0)')
    expect(text).toMatch(/First slow: 3\.183\.0, against 3\.181\.0: up \+50\.0% \(/)
    expect(text).toContain('https://github.com/pulumi/pulumi/releases/tag/v3.183.0')
    expect(text).toContain('https://github.com/pulumi/pulumi/compare/v3.182.0...v3.183.0')
    expect(text).not.toContain('more than one slowdown')
    expect(text).toContain(
      '3 comparisons planned, each at alpha = 0.017 (alpha = 0.05 split over them), threshold 5%'
    )
    const markdown = renderBisectMarkdown(results)
    expect(markdown).toContain('(https://github.com/pulumi/pulumi/compare/v3.182.0...v3.183.0)')
    expect(markdown.match(/<details>\n<summary>Step \d/g)).toHaveLength(3)
  })

  it('says the range may hold more when the change found is clearly smaller than bad’s', () => {
    const results = bisect([step(4, 'confirm', 3), step(2, 'probe', 1.5), step(1, 'probe', 1)], {
      kind: 'located',
      fast: 1,
      slow: 2
    })
    expect(results.bisect.moreSuspected).toBe(true)
    expect(renderBisectText(results)).toContain(
      'The range may hold more than one slowdown: the change at 3.183.0 is clearly smaller than 3.185.0'
    )
  })

  it('says there is no regression when bad is not slower', () => {
    const results = bisect([step(4, 'confirm', 1)], { kind: 'not-confirmed', verdict: 'unchanged' })
    expect(bisectFails(results, 'regression')).toBe(false)
    expect(renderBisectText(results)).toContain(
      'infra: 3.185.0 is not slower than 3.181.0 (unchanged'
    )
    expect(renderBisectMarkdown(results)).not.toContain('github.com/pulumi/pulumi')
  })

  it('names the range a step could not split', () => {
    const results = bisect([step(4, 'confirm', 1.5), step(2, 'probe', 1.5)], {
      kind: 'unsplit',
      fast: 0,
      slow: 2,
      at: 1
    })
    const text = renderBisectText(results)
    expect(text).toContain('slower from somewhere after 3.181.0 up to 3.183.0 (range not split)')
    expect(text).toContain('https://github.com/pulumi/pulumi/compare/v3.181.0...v3.183.0')
  })

  it('links nothing for a list of paths, and escapes them in markdown', () => {
    const paths = ['./good/pulumi', './x|y/<b>pulumi</b>', '[bad](https://evil.example)']
    const results = bisect(
      [step(2, 'confirm', 1.5, paths), step(1, 'probe', 1.5, paths)],
      { kind: 'located', fast: 0, slow: 1 },
      'list',
      paths
    )
    const markdown = renderBisectMarkdown(results)
    expect(markdown).not.toContain('github.com/pulumi')
    expect(markdown).not.toContain('<b>')
    expect(markdown).not.toContain('[bad](https://evil.example)')
  })

  it('reports a bisect that stopped with the steps it has', () => {
    const results = bisect([step(4, 'confirm', 1.5)], undefined)
    expect(renderBisectText(results)).toContain(
      'infra: the bisect stopped after 1 step: the benchmark was aborted'
    )
  })
})

describe('a change at a small alpha', () => {
  it('never shows a confidence below 1 as 100%', () => {
    const change = formatChange({ mean: 0.5, low: 0.3, high: 0.7, confidence: 1 - 2 * 0.0002 })
    expect(change).toBe('+50.0% (99.96% CI +30.0% to +70.0%)')
    expect(formatChange({ mean: 0.5, low: 0.3, high: 0.7, confidence: 0.95 })).toContain('(95% CI')
  })
})
