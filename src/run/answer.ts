import type { RunConfig } from '../config/run-config'
import { Output } from '../config/inputs'
import { BenchmarkError } from '../core/errors/errors'
import type { ReportVerdict } from '../github/comment'
import type { FailedRun } from '../report/failed-model'
import { headline } from '../report/headline'
import { jsonText } from '../export/json/json-text'
import { renderFailedMarkdown } from '../export/markdown/failed-markdown'
import { renderMarkdown } from '../export/markdown/markdown'
import { renderFailedText } from '../export/text/failed-text'
import { renderText } from '../export/text/text'
import { stepVerdict } from '../results/read/phases'
import type { ResultsFile } from '../results/schema'
import { failsCheck, type FailOn } from '../stats/decide/verdict'
import type { RunOutcome } from './pipeline/pipeline'
import { StacksKept } from '../teardown/teardown'

export type Format = 'text' | 'markdown' | 'json'
export const FORMATS: readonly Format[] = ['text', 'markdown', 'json']

/**
 * What the tool says about one use case (a run, a re-analysis, a report of files), the
 * same in every front end: the action and the command line only publish it, so they
 * cannot disagree.
 */
export interface Answer {
  /** The step's verdict, or `failed` when there is none (a run that did not finish). */
  verdict: ReportVerdict
  /** The verdict's one line, shown on every run; none without a verdict (`error` says why). */
  headline?: string
  /** Whether the check fails: the verdict under `fail-on`, or no verdict at all. */
  fails: boolean
  /**
   * The report in a format; `logs`: whether a failed command's log lines are in the
   * markdown (the public comment leaves them out unless asked). Null: nothing to show
   * in that format (JSON of a run that measured nothing).
   */
  render: (format: Format, logs?: boolean) => string | null
  /** The action's outputs that describe it. */
  outputs: Partial<Record<Output, string | number | null>>
  /** What fails the step beside the verdict: no verdict, kept stacks, an unwritten file. */
  error?: Error
}

/** The answer of a results file with a verdict. */
export function resultsAnswer(
  results: ResultsFile,
  options: { failOn: FailOn; runUrl?: string; error?: Error }
): Answer {
  const verdict = stepVerdict(results)
  return {
    verdict,
    headline: headline(results),
    fails: failsCheck(verdict, options.failOn),
    render: format => {
      if (format === 'json') return jsonText(results)
      if (format === 'markdown') return `${renderMarkdown(results, { runUrl: options.runUrl })}\n`
      return `${renderText(results)}\n`
    },
    outputs: resultOutputs(results),
    ...(options.error === undefined ? {} : { error: options.error })
  }
}

/** The answer of a comparison without a verdict: what failed, and the samples so far. */
export function failedAnswer(run: FailedRun, options: { runUrl?: string }): Answer {
  const error = run.error instanceof Error ? run.error : new BenchmarkError(String(run.error))
  return {
    verdict: 'failed',
    fails: true,
    render: (format, logs = true) => {
      if (format === 'json') return run.partial ? jsonText(run.partial) : null
      if (format === 'markdown')
        return `${renderFailedMarkdown(run, { runUrl: options.runUrl, logs })}\n`
      return renderFailedText(run)
    },
    outputs: {},
    error
  }
}

/**
 * The answer of `run` (action and command line): a run that did not finish has no
 * verdict, only its failure; one that finished has its verdict, failed all the same by
 * stacks it had to keep or a results file it could not write.
 */
export function runAnswer(config: RunConfig, outcome: RunOutcome, runUrl?: string): Answer {
  if (!outcome.finished) {
    const { error, partial } = outcome
    return failedAnswer({ benchmark: config.name, error, partial }, { runUrl })
  }
  const { results, unwritten, kept } = outcome
  const error = kept.length > 0 ? new StacksKept(kept.join('\n')) : unwritten
  return resultsAnswer(results, {
    failOn: config.decision.failOn,
    runUrl,
    ...(error === undefined ? {} : { error })
  })
}

/**
 * `verdict` is the step's, so a workflow reading it agrees with the check; `verdicts` has
 * each phase's; the figures are the first listed phase's (README "Outputs").
 */
function resultOutputs(results: ResultsFile): Answer['outputs'] {
  const { comparison } = results
  // The first two results are the first phase's (phasedResultsFile).
  const mean = (group: string) =>
    results.results.find(result => result.parameters.group === group)?.mean ?? ''
  return {
    [Output.Verdict]: stepVerdict(results),
    [Output.Verdicts]: JSON.stringify(results.family?.verdicts ?? {}),
    [Output.Ratio]: comparison.ratio.value,
    [Output.PValue]: comparison.welch.pRegression,
    [Output.BaselineMean]: mean(comparison.baseline),
    [Output.CandidateMean]: mean(comparison.candidate),
    [Output.Samples]: comparison.samples
  }
}
