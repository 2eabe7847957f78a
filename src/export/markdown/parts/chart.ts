/**
 * A Mermaid `xychart-beta` line chart of every sample in run order, which GitHub
 * renders in comments and job summaries. Pure.
 */
import { formatCount } from '../../../report/format/numbers'
import type { ComparedGroups, Style } from '../../../report/model'

/** Most points per line; more samples are averaged in consecutive buckets. */
export const MAX_CHART_POINTS = 100

// Series titles are not supported by every Mermaid version GitHub has shipped, so
// the lines get fixed colours and the sentence above the chart names them.
const BASELINE_COLOUR = { name: 'blue', hex: '#1f77b4' }
const CANDIDATE_COLOUR = { name: 'orange', hex: '#ff7f0e' }

/** Samples averaged into each point so that no line has more than MAX_CHART_POINTS. */
export function samplesPerPoint(samples: number): number {
  return Math.max(1, Math.ceil(samples / MAX_CHART_POINTS))
}

/** Averages consecutive samples in buckets of `perPoint` so a line has few points. */
export function downsample(values: readonly number[], perPoint: number): number[] {
  if (perPoint <= 1) return [...values]
  const points: number[] = []
  for (let start = 0; start < values.length; start += perPoint) {
    const bucket = values.slice(start, start + perPoint)
    points.push(bucket.reduce((sum, value) => sum + value, 0) / bucket.length)
  }
  return points
}

/**
 * Decimals that resolve about a thousandth of the plotted range; Mermaid's
 * grammar takes plain decimals only (no exponent), so values are printed fixed.
 */
export function chartDecimals(values: readonly number[]): number {
  const span = Math.max(...values) - Math.min(...values)
  const scale = span > 0 ? span : Math.max(...values.map(Math.abs))
  if (!(scale > 0)) return 0
  return Math.min(12, Math.max(0, 3 - Math.floor(Math.log10(scale))))
}

/** The Mermaid source: x = sample number, y = seconds, baseline line first. */
export function mermaidChart(baseline: readonly number[], candidate: readonly number[]): string {
  const samples = Math.max(baseline.length, candidate.length)
  const perPoint = samplesPerPoint(samples)
  const lines = [downsample(baseline, perPoint), downsample(candidate, perPoint)]
  const decimals = chartDecimals(lines.flat())
  const palette = `${BASELINE_COLOUR.hex}, ${CANDIDATE_COLOUR.hex}`
  return [
    '```mermaid',
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${palette}"}}}}%%`,
    'xychart-beta',
    '    title "Wall time per sample, in run order"',
    // A list of sample numbers, not a numeric range, so ticks fall on whole samples;
    // an averaged point is labelled with the first sample of its bucket.
    `    x-axis "sample" [${lines[0]!.map((_, point) => point * perPoint + 1).join(', ')}]`,
    '    y-axis "seconds"',
    ...lines.map(points => `    line [${points.map(value => value.toFixed(decimals)).join(', ')}]`),
    '```'
  ].join('\n')
}

/** The chart with the sentence naming its lines; empty when a group has no samples. */
export function renderChart(groups: ComparedGroups, style: Style): string {
  const baseline = groups.baseline.times.filter(Number.isFinite)
  const candidate = groups.candidate.times.filter(Number.isFinite)
  if (baseline.length === 0 || candidate.length === 0) return ''
  const perPoint = samplesPerPoint(Math.max(baseline.length, candidate.length))
  const notes = [
    `Every sample in run order (${BASELINE_COLOUR.name}: ${style.name(groups.baseline.parameters?.group ?? 'baseline')}, ${CANDIDATE_COLOUR.name}: ${style.name(groups.candidate.parameters?.group ?? 'candidate')}).`
  ]
  if (perPoint > 1)
    notes.push(`Each point is the mean of ${formatCount(perPoint)} consecutive samples.`)
  if (baseline.length !== candidate.length) {
    notes.push('The groups have different sample counts, so each line spans the whole width.')
  }
  return `${notes.join(' ')}\n\n${mermaidChart(baseline, candidate)}`
}
