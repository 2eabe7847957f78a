/**
 * The runs of report mode that did not finish (a matrix job that failed or was
 * cancelled): named in the report beside the finished benchmarks, or as the whole
 * report when none finished, so an earlier verdict never stays standing. Their text
 * comes from results files: untrusted, escaped and clipped. Pure.
 */
import type { UnfinishedRun } from '../../results/family'
import { clip, escapeMarkdown } from '../../report/format/escape'
import { formatCount } from '../../report/format/numbers'
import { capBody, REPORT_LIMIT } from '../../report/format/limit'
import { unfinishedHeadline } from '../../report/multi-model'
import { joinBlocks, runLink } from './parts/sections'

const MAX_NAME = 100
const MAX_ERROR = 300
/** Rows shown; the rest are counted. The step's log names every one. */
const MAX_ROWS = 50

/** The unfinished runs as a table: benchmark, file, what went wrong. */
function unfinishedTable(unfinished: readonly UnfinishedRun[]): string {
  const rows = unfinished.slice(0, MAX_ROWS).map(run => {
    // Only the error's first line: the lines after it may quote a command's log.
    const cells = [run.benchmark, run.path, run.error.split('\n')[0] ?? ''].map((text, index) =>
      escapeMarkdown(clip(text, index === 2 ? MAX_ERROR : MAX_NAME))
    )
    return `| ${cells.join(' | ')} |`
  })
  const more = unfinished.length - rows.length
  return [
    '| Failed | Results file | What went wrong |',
    '| --- | --- | --- |',
    ...rows,
    ...(more > 0 ? [`| and ${formatCount(more)} more | | |`] : [])
  ].join('\n')
}

function consequence(count: number): string {
  const them = count === 1 ? 'it' : 'them'
  return `Without a verdict from ${them}, the check fails, and an earlier verdict on this pull request no longer stands.`
}

/** The block of a report of several benchmarks that names the unfinished ones. */
export function unfinishedSection(unfinished: readonly UnfinishedRun[], total: number): string {
  const headline = unfinishedHeadline(unfinished, total, escapeMarkdown)
  return `**❌ ${headline}.** ${consequence(unfinished.length)}\n\n${unfinishedTable(unfinished)}`
}

/** The whole report when no benchmark finished. */
export function renderUnfinishedMarkdown(
  unfinished: readonly UnfinishedRun[],
  options: { runUrl?: string } = {}
): string {
  const headline = unfinishedHeadline(unfinished, unfinished.length, escapeMarkdown)
  const body = joinBlocks([
    `## ❌ Failed: ${headline}`,
    consequence(unfinished.length),
    unfinishedTable(unfinished),
    runLink(options.runUrl)
  ])
  return capBody(body, REPORT_LIMIT)
}
