import { describe, expect, it } from 'vitest'
import { BenchmarkError } from '../../src/core/errors/errors'
import { phasedResultsFile, resultsFile, type GroupSource } from '../../src/results/build/build'
import { partialResultsFile } from '../../src/results/build/partial'
import { phaseNames, phaseView, stepVerdict } from '../../src/results/read/phases'
import { analysePhases, planPhases } from '../../src/stats/phases'

const ALPHA = 0.05
const THRESHOLD = 0.05
const spread = (mean: number) => Array.from({ length: 8 }, (_, i) => mean * (1 + 0.01 * (i % 3)))

function source(name: string, command: string, times: number[]): GroupSource {
  return { name, command, times, exitCodes: times.map(() => 0), version: `v-${name}` }
}

/** Three phases: up unchanged, update improved, destroy slower. */
function threePhases() {
  const phases = [
    { phase: 'up', baseline: spread(10), candidate: spread(10) },
    { phase: 'update', baseline: spread(4), candidate: spread(2) },
    { phase: 'destroy', baseline: spread(3), candidate: spread(6) }
  ]
  const design = planPhases({ alpha: ALPHA, samples: 8, looks: 1, phases: 3 })
  const family = analysePhases(phases, { alpha: ALPHA, threshold: THRESHOLD, design })
  const sources = phases.map(({ phase, baseline, candidate }) => ({
    phase,
    sources: {
      baseline: source('baseline', `pulumi ${phase}`, baseline),
      candidate: source('candidate', `pulumi ${phase}`, candidate)
    }
  }))
  return { family, sources, file: phasedResultsFile('infra', sources, family, {}) }
}

describe('phasedResultsFile', () => {
  it('holds a result per group and phase, the first phase as comparison, phases and family', () => {
    const { file, family } = threePhases()
    expect(file.results.map(result => result.parameters)).toEqual([
      { group: 'baseline', phase: 'up' },
      { group: 'candidate', phase: 'up' },
      { group: 'baseline', phase: 'update' },
      { group: 'candidate', phase: 'update' },
      { group: 'baseline', phase: 'destroy' },
      { group: 'candidate', phase: 'destroy' }
    ])
    expect(file.results[5]).toMatchObject({ command: 'pulumi destroy', version: 'v-candidate' })
    expect(Object.keys(file.phases!)).toEqual(['up', 'update', 'destroy'])
    expect(file.comparison).toBe(file.phases!.up)
    expect(file.family).toEqual({
      size: 3,
      pAdjusted: {
        up: family.pAdjusted[0],
        update: family.pAdjusted[1],
        destroy: family.pAdjusted[2]
      },
      verdicts: { up: 'unchanged', update: 'improvement', destroy: 'regression' },
      verdict: 'regression'
    })
    expect(stepVerdict(file)).toBe('regression')
    // The first phase's verdict is what a reader of `comparison` sees; the step's differs.
    expect(file.comparison.verdict).toBe('unchanged')
  })

  it('reads back phase by phase; a file of one comparison has no phases to read', () => {
    const { file, family, sources } = threePhases()
    expect(phaseNames(file)).toEqual(['up', 'update', 'destroy'])
    const destroy = phaseView(file, 'destroy')
    expect(destroy.benchmark).toBe('destroy')
    expect(destroy.results.map(result => result.times)).toEqual([spread(3), spread(6)])
    expect(destroy.comparison.verdict).toBe('regression')
    const single = resultsFile('infra', sources[0]!.sources, family.analyses[0]!)
    expect(phaseNames(single)).toEqual([])
    expect(stepVerdict(single)).toBe('unchanged')
  })
})

describe('partialResultsFile with phases', () => {
  it('keeps every phase samples so far under its phase, and analyses the first', () => {
    const { sources } = threePhases()
    const design = {
      name: 'infra',
      samples: 10,
      looks: 1,
      familySize: 1,
      detrend: false,
      decision: { alpha: ALPHA, threshold: THRESHOLD }
    }
    const file = partialResultsFile(design, sources, new BenchmarkError('stopped'), {})
    expect(
      file.results.map(result => `${result.parameters.group} ${result.parameters.phase}`)
    ).toEqual([
      'baseline up',
      'candidate up',
      'baseline update',
      'candidate update',
      'baseline destroy',
      'candidate destroy'
    ])
    // A run that did not finish has no verdict to read.
    expect('comparison' in file).toBe(false)
  })
})
