/**
 * The chart of a sweep (docs/sweep.md): each group's mean wall time as a bar, with the
 * two ends of its interval as lines, in the order given. hyperfine's parameters
 * (`--parameter-scan`) label the axis. Mermaid `xychart-beta`, as GitHub renders it. Pure.
 */
import type { ResultsFile } from '../../../results/schema'
import { sweepGroupResults } from '../../../results/read/sweep'
import { chartDecimals } from './chart'
import { formatPercent } from '../../../report/format/numbers'
import { sweepRows } from '../../../report/sweep-model'

/** Longest axis label; Mermaid squeezes long ones onto a crowded axis. */
const MAX_LABEL = 40

/** The axis: its title and a label per group. */
export function sweepAxis(
  results: ResultsFile,
  phase: string | undefined
): { title: string; labels: string[] } {
  const groups = sweepGroupResults(results, phase)
  const names = results.sweep!.groups
  const keys = [
    ...new Set(
      groups.flatMap(result =>
        Object.keys(result.parameters).filter(key => key !== 'group' && key !== 'phase')
      )
    )
  ]
  if (keys.length === 0) return { title: 'group', labels: names }
  const values = groups.map(result => keys.map(key => result.parameters[key] ?? '-').join(' '))
  // The scanned values alone when they tell the groups apart; else after each group's name.
  if (new Set(values).size === values.length) return { title: keys.join(', '), labels: values }
  return {
    title: ['group', ...keys].join(', '),
    labels: groups.map((result, index) => `${result.parameters.group} ${values[index]}`)
  }
}

/**
 * Text safe inside a Mermaid string: names come from results files, which a fork's code
 * may write, so only letters, digits and a few marks are kept.
 */
function mermaidText(text: string): string {
  const kept = text.replace(/[^\p{L}\p{N} .,_:=+/()-]/gu, '_')
  return kept.length > MAX_LABEL ? `${kept.slice(0, MAX_LABEL - 1)}…` : kept
}

/** The sentence naming what is drawn, and the Mermaid source. */
export function renderSweepChart(results: ResultsFile, phase: string | undefined): string {
  const rows = sweepRows(results, phase)
  if (rows.length === 0) return ''
  const axis = sweepAxis(results, phase)
  const confidence = formatPercent(1 - results.comparison.alpha)
  const series = [rows.map(row => row.mean), rows.map(row => row.low), rows.map(row => row.high)]
  const decimals = chartDecimals(series.flat())
  const list = (values: readonly number[]) =>
    `[${values.map(value => value.toFixed(decimals)).join(', ')}]`
  const [means, lows, highs] = series.map(list)
  return [
    `Mean wall time of each group (bars), with the ${confidence} interval of the mean (lines).`,
    '',
    '```mermaid',
    'xychart-beta',
    `    title "Mean wall time per group"`,
    `    x-axis "${mermaidText(axis.title)}" [${axis.labels.map(label => `"${mermaidText(label)}"`).join(', ')}]`,
    '    y-axis "seconds"',
    `    bar ${means}`,
    `    line ${lows}`,
    `    line ${highs}`,
    '```'
  ].join('\n')
}
