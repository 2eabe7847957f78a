import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseBisectConfig } from '../../src/config/bisect-config'
import { latestStepLogDir, stepConfig } from '../../src/run/bisect/bisect'

describe('a bisect step', () => {
  it('measures good against its version on stacks, in a folder and at an alpha of its own', () => {
    const { run } = parseBisectConfig(
      { good: '3.181.0', bad: '3.226.0', 'results-file': '/r/bisect.json', 'stack-prefix': 'p' },
      {}
    )
    const step = stepConfig(run, '3.200.0', 3, 0.01)
    expect(step.target).toMatchObject({
      baselineVersion: '3.181.0',
      candidateVersion: '3.200.0',
      stackPrefix: 'p-s3'
    })
    expect(step.decision).toEqual({ ...run.decision, alpha: 0.01 })
    expect(step.resultsFile).toBe('/r/step-3/results.json')
    expect(step.ownResultsFolder).toBe(false)
  })

  it("redacts the logs of the last step's folder after a cancel", () => {
    const dir = mkdtempSync(join(tmpdir(), 'ppg-steps-'))
    try {
      const resultsFile = join(dir, 'bisect.json')
      expect(latestStepLogDir(resultsFile)).toBe(join(dir, 'step-1', 'logs'))
      for (const folder of ['step-2', 'step-10', 'step-9', 'stepx']) mkdirSync(join(dir, folder))
      expect(latestStepLogDir(resultsFile)).toBe(join(dir, 'step-10', 'logs'))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
