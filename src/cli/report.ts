import { Input } from '../config/inputs'
import { parseChoice } from '../config/parse'
import { parseDecision } from '../config/run-config'
import { InputError } from '../core/errors'
import { workflowRunUrl } from '../core/run-url'
import { overallVerdict, renderMultiMarkdown } from '../report/multi'
import type { JoinedResults } from '../results/family'
import { multiReportJson } from '../report/multi-json'
import { renderMultiText } from '../report/multi-text'
import { renderUnfinishedMarkdown, unfinishedFailure } from '../report/unfinished'
import { joinResults } from '../run/join-results'
import { keepOwnRunLinks } from '../run/report-links'
import { FORMATS, parseFlags, type Subcommand } from './flags'
import { jsonText } from './output'

/** `pulumi-perf-gate report FILE|GLOB ...`: the action's report mode on the command line. */
export const reportCommand: Subcommand = async (argv, io) => {
  const { values, positionals, help } = parseFlags(argv, [
    'alpha',
    'threshold',
    'fail-on',
    'format'
  ])
  if (help) return 'help'
  if (positionals.length === 0) {
    throw new InputError('report takes one or more results files or globs')
  }
  const decision = parseDecision({
    [Input.Alpha]: values.alpha,
    [Input.Threshold]: values.threshold,
    [Input.FailOn]: values['fail-on']
  })
  const format = parseChoice('--format', values.format ?? 'text', FORMATS)
  const { items, unfinished } = await joinResults(positionals, {
    ...decision,
    warn: line => io.stderr(`warning: ${line}\n`)
  })
  const runUrl = workflowRunUrl(io.env)
  keepOwnRunLinks(items, runUrl)
  const total = items.length + unfinished.length
  return {
    output: render({ items, unfinished }, format, runUrl),
    verdict: overallVerdict(items),
    failOn: decision.failOn,
    // A run that did not finish fails the report, as it failed its own job.
    ...(unfinished.length > 0 ? { error: unfinishedFailure(unfinished, total) } : {})
  }
}

function render(
  joined: JoinedResults,
  format: (typeof FORMATS)[number],
  runUrl: string | undefined
): string {
  if (format === 'json') return jsonText(multiReportJson(joined))
  if (format === 'markdown') {
    const { items, unfinished } = joined
    if (items.length === 0) return `${renderUnfinishedMarkdown(unfinished, { runUrl })}\n`
    return `${renderMultiMarkdown(items, { runUrl, unfinished })}\n`
  }
  return renderMultiText(joined)
}
