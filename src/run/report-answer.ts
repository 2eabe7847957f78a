import { Output } from '../config/inputs'
import type { Decision } from '../config/run-config'
import { isRunOfSameRepository } from '../core/run-url'
import { joinedHeadline, benchmarksVerdict, unfinishedFailure } from '../report/multi-model'
import { multiReportJson } from '../export/json/multi-json'
import { renderMultiMarkdown } from '../export/markdown/multi-markdown'
import { renderUnfinishedMarkdown } from '../export/markdown/unfinished-markdown'
import { renderMultiText } from '../export/text/multi-text'
import { jsonText } from '../export/json/json-text'
import type { JoinedResults, MultiItem } from '../results/family'
import { failsCheck } from '../stats/decide/verdict'
import type { Answer, Format } from './answer'
import { joinResults } from './join-results'

/**
 * Report mode's answer (action and command line): the results files the patterns
 * match, joined as one family under the report's own policy, with links only to runs
 * of this repository. Files of runs that did not finish are named in it and fail it.
 */
export async function reportAnswer(
  patterns: readonly string[],
  decision: Decision,
  options: { warn: (line: string) => void; runUrl?: string }
): Promise<Answer> {
  const joined = await joinResults(patterns, { ...decision, warn: options.warn })
  const { items, unfinished } = joined
  const { runUrl } = options
  keepOwnRunLinks(items, runUrl)
  const total = items.length + unfinished.length
  const shown = joinedHeadline(joined)
  const error = unfinished.length > 0 ? unfinishedFailure(unfinished, total) : undefined
  return {
    verdict: shown.verdict,
    // With no finished run the headline is the error's: said once.
    ...(items.length === 0 ? {} : { headline: shown.headline }),
    fails: items.length === 0 || failsCheck(benchmarksVerdict(items), decision.failOn),
    render: format => render(joined, format, runUrl),
    outputs: items.length === 0 ? {} : reportOutputs(items),
    ...(error === undefined ? {} : { error })
  }
}

function render(joined: JoinedResults, format: Format, runUrl: string | undefined): string {
  if (format === 'json') return jsonText(multiReportJson(joined))
  if (format === 'markdown') {
    const { items, unfinished } = joined
    if (items.length === 0) return `${renderUnfinishedMarkdown(unfinished, { runUrl })}\n`
    return `${renderMultiMarkdown(items, { runUrl, unfinished })}\n`
  }
  return renderMultiText(joined)
}

/** Report mode's rows are benchmarks (and their phases), not one run's phases. */
function reportOutputs(items: readonly MultiItem[]): Answer['outputs'] {
  const outputs: Answer['outputs'] = {
    [Output.Verdict]: benchmarksVerdict(items),
    [Output.Verdicts]: '{}'
  }
  if (items.length === 1) {
    const { comparison } = items[0]!.results
    outputs[Output.Ratio] = comparison.ratio.value
    outputs[Output.PValue] = items[0]!.pAdjusted
    outputs[Output.Samples] = comparison.samples
  }
  return outputs
}

/**
 * A file's own run link (`environment.runUrl`) is shown only when it leads to a run of
 * the reporting job's repository: a fork's code writes the files report mode reads, and
 * a link elsewhere could be anything (docs/workflows.md, fork pull requests). Others are dropped.
 */
export function keepOwnRunLinks(items: readonly MultiItem[], ownRunUrl: string | undefined): void {
  for (const { results } of items) {
    const url = results.environment?.runUrl
    if (url === undefined) continue
    if (ownRunUrl === undefined || !isRunOfSameRepository(String(url), ownRunUrl)) {
      delete results.environment!.runUrl
    }
  }
}
