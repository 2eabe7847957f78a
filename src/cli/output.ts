import type { ResultsFile } from '../results/schema'
import { renderMarkdown } from '../report/markdown'
import { renderText } from '../report/text'
import type { Format } from './flags'

/** What the CLI prints on stdout for a results file in the chosen format. */
export function formatResults(results: ResultsFile, format: Format, runUrl?: string): string {
  if (format === 'json') return `${JSON.stringify(results, null, 2)}\n`
  if (format === 'markdown') return `${renderMarkdown(results, { runUrl })}\n`
  return `${renderText(results)}\n`
}
