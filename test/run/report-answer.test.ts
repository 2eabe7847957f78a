import { describe, expect, it } from 'vitest'
import { isRunOfSameRepository, workflowRunUrl } from '../../src/core/run-url'
import { keepOwnRunLinks } from '../../src/run/report-answer'
import type { MultiItem } from '../../src/results/family'
import { buildResults, spread } from '../helpers/build-results'

const OWN = 'https://github.com/o/r/actions/runs/7'

function item(runUrl: string): MultiItem {
  const results = buildResults({
    baseline: spread(5, 1, 0.1),
    candidate: spread(5, 1, 0.1),
    verdict: 'unchanged',
    environment: { runUrl } as never
  })
  return { results, pAdjusted: 1 }
}

describe('links in reports', () => {
  it("builds the run's own link from the runner's variables, only in Actions", () => {
    const env = {
      GITHUB_ACTIONS: 'true',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_RUN_ID: '7'
    }
    expect(workflowRunUrl(env)).toBe(OWN)
    expect(workflowRunUrl({ ...env, GITHUB_ACTIONS: undefined })).toBeUndefined()
    expect(workflowRunUrl({ ...env, GITHUB_RUN_ID: '' })).toBeUndefined()
  })

  it('keeps a file’s run link only when it is a run of the same repository', () => {
    expect(isRunOfSameRepository('https://github.com/o/r/actions/runs/123', OWN)).toBe(true)
    for (const url of [
      'https://github.com/o/r/actions/runs/123/../../../../evil',
      'https://github.com/o/r-evil/actions/runs/1',
      'https://evil.example/o/r/actions/runs/1',
      'https://github.com/o/r/actions/runs/'
    ]) {
      expect(isRunOfSameRepository(url, OWN), url).toBe(false)
    }
    const items = [item('https://github.com/o/r/actions/runs/5'), item('https://evil.example/')]
    keepOwnRunLinks(items, OWN)
    expect(items.map(({ results }) => results.environment?.runUrl)).toEqual([
      'https://github.com/o/r/actions/runs/5',
      undefined
    ])
    const outside = [item('https://github.com/o/r/actions/runs/5')]
    keepOwnRunLinks(outside, undefined)
    expect(outside[0]!.results.environment?.runUrl).toBeUndefined()
  })
})
