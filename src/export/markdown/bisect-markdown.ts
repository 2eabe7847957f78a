/**
 * A bisect's report as markdown (docs/bisect.md): the job summary and the comment. The
 * headline, what was found with its links, a table of every step and phase, then each
 * step's own report folded, as many as fit in GitHub's limit. Pure.
 */
import type { BisectResults } from '../../results/bisect'
import { clip, escapeMarkdown, safeUrl } from '../../report/format/escape'
import { REPORT_LIMIT, capBody } from '../../report/format/limit'
import { renderMarkdown } from './markdown'
import { VERDICT_EMOJI, type Style } from '../../report/model'
import { bisectReport, STEP_HEADER, stepRows } from '../../report/bisect-model'
import { details, joinBlocks, runLink } from './parts/sections'

const STYLE: Style = { name: text => escapeMarkdown(text), alpha: 'α' }

export function renderBisectMarkdown(
  results: BisectResults,
  options: { runUrl?: string } = {}
): string {
  const report = bisectReport(results, STYLE)
  const links = report.links.flatMap(link => {
    const url = safeUrl(link.url)
    return url === undefined ? [] : [`[${escapeMarkdown(link.text)}](${url})`]
  })
  const rows = stepRows(results).map(cells => {
    const escaped = cells.map(cell => escapeMarkdown(cell))
    return `| ${escaped.join(' | ')} |`
  })
  const table = [
    `| ${STEP_HEADER.join(' | ')} |`,
    '| ---: | --- | --- | --- | --- | ---: | ---: |',
    ...rows
  ].join('\n')
  const head = joinBlocks([
    `## ${VERDICT_EMOJI[report.verdict]} ${report.headline}`,
    report.lines.join('\n\n'),
    links.join(' · '),
    table
  ])
  const footer = runLink(options.runUrl)
  // Each step's own report, folded, while the body stays under the limit.
  const folded: string[] = []
  let length = head.length + footer.length
  for (const [k, step] of results.steps.entries()) {
    const body = details(
      `Step ${k + 1}: ${escapeMarkdown(clip(step.version, 200))}`,
      renderMarkdown(step.results)
    )
    if (length + body.length + 2 > REPORT_LIMIT) {
      folded.push(
        `_Steps ${k + 1} to ${results.steps.length}: their reports are in the results files._`
      )
      break
    }
    folded.push(body)
    length += body.length + 2
  }
  return capBody(joinBlocks([head, ...folded, footer]))
}
