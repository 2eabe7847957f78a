import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Input } from '../../src/config/inputs'
import { parseRunConfig } from '../../src/config/run-config'
import { runPipeline } from '../../src/run/pipeline/pipeline'

describe('the start of a run', () => {
  it('says what it measures, then calibrates in turns: a Ctrl-C stops it there, writing nothing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ppg-start-'))
    try {
      const resultsFile = join(folder, 'results.json')
      // A command that would leave a mark if it ever ran.
      const marker = join(folder, 'ran')
      const config = parseRunConfig(
        {
          [Input.BaselineCommand]: `touch ${marker}`,
          [Input.CandidateCommand]: `touch ${marker}`,
          // Settings the committed table does not hold: the design takes seconds.
          [Input.Samples]: '37',
          [Input.ResultsFile]: resultsFile
        },
        {}
      )
      const interrupt = new AbortController()
      const events: string[] = []
      const line = (text: string) => {
        events.push(text)
        // A Ctrl-C as the calibration starts: the run sees it at its next turn, not
        // seconds later once the design is done.
        if (text.startsWith('Calibrating the design')) {
          setTimeout(() => interrupt.abort(new Error('received SIGINT')), 0)
        }
      }
      const cache = join(folder, 'cache')
      const outcome = await runPipeline(config, {
        progress: line,
        info: line,
        warn: line,
        signal: interrupt.signal,
        env: { RUNNER_TEMP: folder, XDG_CACHE_HOME: cache, HOME: folder }
      })

      expect(events[0]).toMatch(/^Measuring touch .* up to 37 samples each, 10 looks$/)
      expect(events[1]).toMatch(/^Calibrating the design for these settings/)
      expect(outcome.finished).toBe(false)
      if (outcome.finished) return
      expect(String(outcome.error)).toMatch(
        /stopped before the first sample \(received SIGINT\): nothing was measured, so no results file was written/
      )
      expect(outcome.partial).toBeUndefined()
      expect(existsSync(resultsFile)).toBe(false)
      expect(existsSync(marker)).toBe(false)
      // Stopped mid-calibration: no α* was finished, so none was cached.
      const entries = existsSync(cache) ? readdirSync(cache, { recursive: true }) : []
      expect(entries.filter(entry => String(entry).endsWith('.json'))).toEqual([])
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })
})
