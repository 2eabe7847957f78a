import type { ResultsFile } from '../results/schema'
import { reportSections } from './sections'
import { renderText } from './text'

/**
 * Renders a results file every way a report shows it (markdown sections, text, JSON),
 * throwing what a renderer throws. Report mode calls it on each file as it reads it,
 * so a file that cannot be shown is named and left out on its own instead of failing
 * the report of all the others (docs/workflows.md, fork pull requests).
 */
export function checkRenders(results: ResultsFile): void {
  reportSections(results)({ rawRows: 1, chart: true })
  renderText(results)
  JSON.stringify(results)
}
