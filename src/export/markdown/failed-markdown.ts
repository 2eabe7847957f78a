/**
 * The report of a run that ended without a verdict (docs/results-file.md): what failed,
 * the tail of its log, the samples measured so far. It replaces the sticky comment and
 * fills the job summary, so an earlier verdict never stays standing. Pure.
 */
import { clip, codeBlock, escapeMarkdown } from '../../report/format/escape'
import { capBody, REPORT_LIMIT } from '../../report/format/limit'
import { failedModel, samplesSoFar, type FailedRun } from '../../report/failed-model'
import { runLink } from './parts/sections'

const LOG_LEFT_OUT =
  "_The last lines of the command's log are in the job summary and the uploaded logs; `comment-logs: true` shows them here._"
const MAX_CELL = 300

/**
 * `logs`: whether the command's log lines the error quotes are shown. The job summary
 * shows them; the public comment only when the user opts in (`comment-logs`).
 */
export function renderFailedMarkdown(
  run: FailedRun,
  options: { runUrl?: string; logs: boolean }
): string {
  const said = failedModel(run, options.logs)
  const table = samplesSoFar(run.partial)
  const blocks = [
    `## ${said.emoji} ${said.word}: ${escapeMarkdown(clip(said.first, MAX_CELL))}`,
    `Benchmark: **${escapeMarkdown(clip(run.benchmark, MAX_CELL))}**`,
    `${said.why}: an earlier verdict on this pull request no longer stands.`,
    said.detail.trim() === '' ? '' : codeBlock(said.detail),
    said.cut ? LOG_LEFT_OUT : '',
    table === null
      ? ''
      : table.rows.length === 0
        ? `**${said.samples}:** none; it stopped before the first sample.`
        : [
            `**${said.samples}**`,
            '',
            `| ${table.header.join(' | ')} |`,
            `| ${table.header.map((_, i) => (i < table.textColumns ? '---' : '---:')).join(' | ')} |`,
            ...table.rows.map(
              row =>
                `| ${row.map((cell, i) => (i === 0 ? `**${escapeMarkdown(clip(cell, MAX_CELL))}**` : i < table.textColumns ? escapeMarkdown(clip(cell, MAX_CELL)) : cell)).join(' | ')} |`
            )
          ].join('\n'),
    runLink(options.runUrl)
  ]
  return capBody(`${blocks.filter(block => block !== '').join('\n\n')}\n`, REPORT_LIMIT)
}
