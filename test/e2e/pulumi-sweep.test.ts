/**
 * A sweep of simulated Pulumi releases end to end (docs/sweep.md): four versions, the
 * baseline and three candidates, one of them 40% slower at `up`. Exactly that one is a
 * regression; every version is installed once, every stack is gone afterwards.
 */
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ResultsFile } from '../../src/results/schema'
import { cli } from '../helpers/cli'
import { useServedReleases } from '../helpers/file-setup'
import { type ReleaseServer } from '../helpers/pulumi-releases'
import { makeWorkspace, runArgs, stackFiles, type Workspace } from '../helpers/pulumi-run'

let releases: ReleaseServer
let workspace: Workspace

useServedReleases(
  'ppg-sweep-e2e-',
  served => {
    releases = served.releases
  },
  {
    releases: [
      { version: '3.200.0' },
      { version: '3.201.0' },
      // Every create of `up` costs 40% more: the release that made deploys slower.
      { version: '3.202.0', phaseFactors: { up: 1.4 } },
      { version: '3.203.0' }
    ]
  }
)

beforeEach(async () => {
  workspace = await makeWorkspace()
  for (const [name, value] of Object.entries(workspace.runnerEnv)) vi.stubEnv(name, value)
  releases.requests.length = 0
})
afterEach(async () => {
  vi.unstubAllEnvs()
  await workspace.remove()
})

describe('run of a sweep of four simulated Pulumi versions', () => {
  it('calls exactly the +40% release a regression, and fails', async () => {
    const { status, stdout, stderr } = await cli(
      runArgs(workspace, releases.url, {
        'baseline-version': '3.200.0',
        'candidate-version': '3.201.0, 3.202.0 3.203.0',
        // One create at a time, so the creates that got slower make most of `up`;
        // deletes kept cheap, so the untimed destroy of each cycle costs little.
        config: 'resources: 5\nlatencyMs: 100\ndeleteFactor: 0.1',
        parallel: '1',
        samples: '6',
        'stack-prefix': 'sweep',
        format: 'json'
      }),
      { ...workspace.runnerEnv }
    )
    expect(status, stderr).toBe(1)
    const results = JSON.parse(readFileSync(workspace.resultsFile, 'utf8')) as ResultsFile
    expect(JSON.parse(stdout)).toEqual(results)
    const sweep = results.sweep!
    expect(sweep.groups).toEqual([
      'pulumi 3.200.0',
      'pulumi 3.201.0',
      'pulumi 3.202.0',
      'pulumi 3.203.0'
    ])
    expect(sweep.size).toBe(3)
    const verdicts = Object.fromEntries(
      sweep.comparisons.map(entry => [entry.candidate, entry.comparison.verdict])
    )
    expect(verdicts['pulumi 3.202.0']).toBe('regression')
    expect(verdicts['pulumi 3.201.0']).not.toBe('regression')
    expect(verdicts['pulumi 3.203.0']).not.toBe('regression')
    expect(sweep.verdict).toBe('regression')
    expect(typeof sweep.orderSeed).toBe('number')

    // Balanced rounds: every group once in each round of the schedule's samples.
    const samples = results.schedule!.filter(entry => entry.index >= 0)
    const names = ['baseline', 'candidate-1', 'candidate-2', 'candidate-3']
    for (let round = 0; round * 4 < samples.length; round++) {
      const groups = samples.slice(round * 4, round * 4 + 4).map(entry => entry.group)
      expect([...groups].sort()).toEqual(names)
    }
    // Each version downloaded once; every stack destroyed and removed.
    const archives = releases.requests.filter(request => /\.(tar\.gz|zip)$/.test(request))
    expect(archives).toHaveLength(4)
    expect(stackFiles(workspace.backendDir)).toEqual([])
    expect(stderr).toMatch(
      /against pulumi 3\.201\.0, pulumi 3\.202\.0, pulumi 3\.203\.0 \(3 candidates/
    )
  }, 240_000)
})
