import { describe, expect, it } from 'vitest'
import { BenchmarkAborted, SampleFailed } from '../../../src/bench/failures'
import type { Measurement } from '../../../src/bench/types'
import { emptyMeasurement } from '../../../src/bench/cycle/cycle-steps'
import { InputError } from '../../../src/core/errors/errors'
import { renderFailedMarkdown } from '../../../src/export/markdown/failed-markdown'
import { partialResultsFile } from '../../../src/results/build/partial'
import { fixedRunDesign } from '../../helpers/run-design'

const EMPTY: Measurement = emptyMeasurement(['command'])
const DESIGN = fixedRunDesign('api')

function partial(baseline: number[], candidate: number[], error: Error) {
  const source = (name: string, times: number[]) => ({
    name,
    command: `run ${name}`,
    times,
    exitCodes: times.map(() => 0)
  })
  return partialResultsFile(
    DESIGN,
    [
      {
        sources: {
          baseline: source('baseline', baseline),
          candidate: source('candidate', candidate)
        }
      }
    ],
    error,
    {}
  )
}

describe('renderFailedMarkdown', () => {
  it('says what failed, shows the log tail as code and the samples so far', () => {
    const error = new SampleFailed(
      'candidate sample 3 of 10 (run candidate) failed with exit code 3.\nLast 2 lines of /l/candidate.log:\n  ```done``` <b>\n  \u001b[31mred\u001b[0m',
      EMPTY,
      3
    )
    const markdown = renderFailedMarkdown(
      { benchmark: 'api', error, partial: partial([1, 1.1, 1.2], [2, 2.2], error) },
      { runUrl: 'https://github.com/o/r/actions/runs/1', logs: true }
    )
    expect(markdown).toMatch(
      /^## ❌ Failed: candidate sample 3 of 10 \(run candidate\) failed with exit code 3\.$/m
    )
    expect(markdown).toContain('an earlier verdict on this pull request no longer stands')
    // A fence longer than the backticks inside, and no terminal colours.
    expect(markdown).toContain(
      '````text\nLast 2 lines of /l/candidate.log:\n  ```done``` <b>\n  red\n````'
    )
    expect(markdown).toContain(
      '| **baseline** | run baseline | 3 | 0 | 1.100 s | 1.000 s | 1.200 s |'
    )
    expect(markdown).toContain(
      '| **candidate** | run candidate | 2 | 0 | 2.100 s | 2.000 s | 2.200 s |'
    )
    expect(markdown).toContain('[workflow run](https://github.com/o/r/actions/runs/1)')
  })

  it("leaves the command's log lines out unless asked, saying where they are", () => {
    const error = new SampleFailed(
      'candidate sample 3 of 10 (run candidate) failed with exit code 3.\nLast 2 lines of /l/candidate.log:\n  key AKIAsecret-ish\n  stack trace',
      EMPTY,
      3
    )
    const hidden = renderFailedMarkdown({ benchmark: 'api', error }, { logs: false })
    expect(hidden).toMatch(/^## ❌ Failed: candidate sample 3 of 10 \(run candidate\)/m)
    expect(hidden).not.toContain('AKIAsecret-ish')
    expect(hidden).not.toContain('/l/candidate.log')
    expect(hidden).toContain('`comment-logs: true` shows them here')
    const shown = renderFailedMarkdown({ benchmark: 'api', error }, { logs: true })
    expect(shown).toContain('AKIAsecret-ish')
    expect(shown).not.toContain('comment-logs')
  })

  it('shows the samples so far of every phase, a row per group and phase', () => {
    const error = new SampleFailed(
      'baseline destroy in sample 2 of 10 (pulumi destroy) failed.',
      EMPTY
    )
    const source = (name: string, phase: string, times: number[]) => ({
      name,
      command: `pulumi ${phase}`,
      times,
      exitCodes: times.map(() => 0),
      version: '3.44.3'
    })
    const sources = (phase: string) => ({
      phase,
      sources: {
        baseline: source('baseline', phase, [1, 1.2]),
        candidate: source('candidate', phase, [2])
      }
    })
    const markdown = renderFailedMarkdown(
      {
        benchmark: 'infra',
        error,
        partial: partialResultsFile(DESIGN, [sources('up'), sources('destroy')], error, {})
      },
      { logs: true }
    )
    expect(markdown).toContain(
      '| Group | Phase | Pulumi version | Samples | Failed | Mean | Min | Max |'
    )
    expect(markdown).toContain(
      '| **baseline** | destroy | 3.44.3 | 2 | 0 | 1.100 s | 1.000 s | 1.200 s |'
    )
    expect(markdown).toContain(
      '| **candidate** | up | 3.44.3 | 1 | 0 | 2.000 s | 2.000 s | 2.000 s |'
    )
  })

  it('calls an aborted run interrupted', () => {
    const error = new BenchmarkAborted(
      'the benchmark was aborted during baseline sample 1 of 10',
      EMPTY
    )
    const markdown = renderFailedMarkdown(
      {
        benchmark: 'api',
        error,
        partial: partial([], [], error)
      },
      { logs: true }
    )
    expect(markdown).toMatch(/^## ⏹️ Interrupted: the benchmark was aborted during baseline/m)
    expect(markdown).toContain('**Samples so far:** none')
  })

  it('reports a failure before any measuring, escaping its text', () => {
    const error = new InputError('baseline-version: Pulumi 3.43.9 does not exist <img src=x> @team')
    const markdown = renderFailedMarkdown({ benchmark: 'api', error }, { logs: true })
    expect(markdown).toContain(
      '## ❌ Failed: baseline-version: Pulumi 3.43.9 does not exist &lt;img src=x&gt; @&#8203;team'
    )
    expect(markdown).not.toContain('Samples so far')
  })
})
