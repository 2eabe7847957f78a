import type { BisectConfig } from '../../config/bisect-config'
import { Output } from '../../config/inputs'
import { BenchmarkError } from '../../core/errors/errors'
import { bisectFails, bisectReport, bisectVerdict } from '../../report/bisect-model'
import { renderBisectMarkdown } from '../../export/markdown/bisect-markdown'
import { renderBisectText } from '../../export/text/bisect-text'
import { jsonText } from '../../export/json/json-text'
import { PLAIN_STYLE } from '../../report/model'
import type { BisectResults } from '../../results/bisect'
import { StacksKept } from '../../teardown/teardown'
import { failedAnswer, type Answer } from '../answer'
import type { BisectOutcome } from './bisect'

/**
 * What a bisect says, in the action and on the command line alike: the release located
 * (or that none was, or the range it could not split), every step's table, the links.
 * A bisect that stopped shows the steps it finished, and fails; one that stopped before
 * its first step is a failed run.
 */
export function bisectAnswer(
  config: BisectConfig,
  outcome: BisectOutcome,
  runUrl?: string
): Answer {
  if (!outcome.finished) {
    const { error, results, partial } = outcome
    if (results === undefined) {
      return failedAnswer({ benchmark: config.run.name, error, partial }, { runUrl })
    }
    const failure = error instanceof Error ? error : new BenchmarkError(String(error))
    return { ...answerOf(results, true, runUrl), verdict: 'failed', error: failure }
  }
  const { results, unwritten, kept } = outcome
  const error = kept.length > 0 ? new StacksKept(kept.join('\n')) : unwritten
  return {
    ...answerOf(results, bisectFails(results, config.run.decision.failOn), runUrl),
    ...(error === undefined ? {} : { error })
  }
}

function answerOf(results: BisectResults, fails: boolean, runUrl?: string): Answer {
  const { end, versions } = results.bisect
  const located = end !== undefined && end.kind !== 'not-confirmed'
  return {
    verdict: bisectVerdict(results),
    headline: bisectReport(results, PLAIN_STYLE).headline,
    fails,
    render: format => {
      if (format === 'json') return jsonText(results)
      if (format === 'markdown') return `${renderBisectMarkdown(results, { runUrl })}\n`
      return `${renderBisectText(results)}\n`
    },
    // `verdict` is bad's against good; `last-fast` and `first-slow` name what was located.
    outputs: {
      [Output.Verdict]: bisectVerdict(results),
      [Output.LastFast]: located ? (versions[end.fast] ?? '') : '',
      [Output.FirstSlow]: located ? (versions[end.slow] ?? '') : ''
    }
  }
}
