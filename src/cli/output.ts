import type { ResultsFile } from '../results/schema'
import { renderMarkdown } from '../report/markdown'
import { renderFailedMarkdown, renderFailedText, type FailedRun } from '../report/failed'
import { renderText } from '../report/text'
import type { Format } from './flags'

/**
 * Data as the indented JSON the CLI prints. `##[` can only be inside a string, where
 * `\u005b` is the same `[` to every JSON reader but no legacy workflow command to a
 * runner reading the step's output (inertWorkflowCommands).
 */
export function jsonText(data: unknown): string {
  return `${JSON.stringify(data, null, 2).replaceAll('##[', '##\\u005b')}\n`
}

/** What the CLI prints on stdout for a results file in the chosen format. */
export function formatResults(results: ResultsFile, format: Format, runUrl?: string): string {
  if (format === 'json') return jsonText(results)
  if (format === 'markdown') return `${renderMarkdown(results, { runUrl })}\n`
  return `${renderText(results)}\n`
}

/**
 * What the CLI prints on stdout for a comparison without a verdict (a run that did not
 * finish, runs that failed): its results file as far as it goes, or the failure's report.
 * Null when there is nothing to print (JSON of a run that measured nothing).
 */
export function formatFailure(run: FailedRun, format: Format, runUrl?: string): string | null {
  if (format === 'json') return run.partial ? jsonText(run.partial) : null
  if (format === 'markdown') return `${renderFailedMarkdown(run, { runUrl, logs: true })}\n`
  return renderFailedText(run)
}
