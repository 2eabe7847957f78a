import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Input } from '../../src/config/inputs'
import { parseRunConfig } from '../../src/config/run-config'
import { runPipeline } from '../../src/run/pipeline/pipeline'

/** What the run said and did, in order. */
const events: string[] = []
/** Fired while the design is planned: a Ctrl-C that comes while α* is computed. */
let interrupt: AbortController

vi.mock('../../src/stats/run-design', async importOriginal => {
  const actual = await importOriginal<typeof import('../../src/stats/run-design')>()
  return {
    ...actual,
    planRunDesign: (...args: Parameters<typeof actual.planRunDesign>) => {
      events.push('design planned')
      interrupt.abort(new Error('received SIGINT'))
      return actual.planRunDesign(...args)
    }
  }
})

afterEach(() => {
  events.length = 0
})

describe('the start of a run', () => {
  it('says what it measures before planning the design, and a Ctrl-C then writes nothing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ppg-start-'))
    try {
      const resultsFile = join(folder, 'results.json')
      // A command that would leave a mark if it ever ran.
      const marker = join(folder, 'ran')
      const config = parseRunConfig(
        {
          [Input.BaselineCommand]: `touch ${marker}`,
          [Input.CandidateCommand]: `touch ${marker}`,
          [Input.ResultsFile]: resultsFile
        },
        {}
      )
      interrupt = new AbortController()
      const line = (text: string) => events.push(text)
      const outcome = await runPipeline(config, {
        progress: line,
        info: line,
        warn: line,
        signal: interrupt.signal,
        env: { RUNNER_TEMP: folder, XDG_CACHE_HOME: join(folder, 'cache'), HOME: folder }
      })

      expect(events[0]).toMatch(/^Measuring touch .* up to 20 samples each, 9 looks$/)
      expect(events).toContain('design planned')
      expect(outcome.finished).toBe(false)
      if (outcome.finished) return
      expect(String(outcome.error)).toMatch(
        /stopped before the first sample \(received SIGINT\): nothing was measured, so no results file was written/
      )
      expect(outcome.partial).toBeUndefined()
      expect(existsSync(resultsFile)).toBe(false)
      expect(existsSync(marker)).toBe(false)
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })
})
