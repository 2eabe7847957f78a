/**
 * What a report says, derived from a results file: the headline, the summary
 * sentence, the statistics lines and the group table. Pure and format-neutral:
 * the markdown and text renderers differ only in the `Style` they pass.
 */
import { InputError } from '../core/errors'
import type { Comparison, Verdict } from '../stats/types'
import type { GroupResult, ResultsFile } from '../results/schema'
import { largerOverSmaller } from '../stats/ratio'
import { plainText } from './escape'
import { resourceColumns } from './resources'
import {
  formatCount,
  formatDurationColumns,
  formatP,
  formatPercent,
  formatPercentAmount,
  formatPercentChange,
  formatPlain,
  formatRatio,
  formatStatistic,
  percentDigits,
  pIs
} from './format'

/** How user-given names and symbols appear in a given output format. */
export interface Style {
  /** Renders a user-given name (escaped, maybe emphasised). */
  name(text: string): string
  /** The word or symbol for the significance level. */
  alpha: string
}

export const PLAIN_STYLE: Style = { name: plainText, alpha: 'alpha' }

export const VERDICT_EMOJI: Readonly<Record<Verdict, string>> = {
  regression: '🔴',
  improvement: '🟢',
  unchanged: '⚪',
  inconclusive: '🟡'
}

export const VERDICT_LABEL: Readonly<Record<Verdict, string>> = {
  regression: 'Regression',
  improvement: 'Improvement',
  unchanged: 'Unchanged',
  inconclusive: 'Inconclusive'
}

export interface ComparedGroups {
  baseline: GroupResult
  candidate: GroupResult
}

/**
 * The two groups the comparison names, looked up by `parameters.group` (or by
 * exact command, as `compare --baseline` allows), not by position.
 */
export function comparedGroups(results: ResultsFile): ComparedGroups {
  return {
    baseline: findGroup(results, results.comparison.baseline),
    candidate: findGroup(results, results.comparison.candidate)
  }
}

function findGroup(results: ResultsFile, name: string): GroupResult {
  const found =
    results.results.find(result => result.parameters?.group === name) ??
    results.results.find(result => result.command === name)
  if (!found) {
    throw new InputError(
      `Results file of "${results.benchmark}" has no result with parameters.group "${name}" named by its comparison`
    )
  }
  return found
}

export interface RelativeChange {
  /** Candidate minus baseline mean, as a fraction of the baseline mean. */
  mean: number
  low: number
  high: number
  /** Confidence level of the interval, e.g. 0.95. */
  confidence: number
}

/** The difference of the means and its interval relative to the baseline mean. */
export function relativeChange(results: ResultsFile): RelativeChange {
  const { difference } = results.comparison
  const baselineMean = comparedGroups(results).baseline.mean
  return {
    mean: difference.mean / baselineMean,
    low: difference.ciLow / baselineMean,
    high: difference.ciHigh / baselineMean,
    confidence: difference.confidence
  }
}

/** `+12.3% (95% CI +10.1% to +14.5%)` */
export function formatChange(change: RelativeChange): string {
  const level = formatPercent(change.confidence)
  const digits = percentDigits(change.mean, change.low, change.high)
  const [mean, low, high] = [change.mean, change.low, change.high].map(fraction =>
    formatPercentChange(fraction, digits)
  )
  return `${mean} (${level} CI ${low} to ${high})`
}

/** The larger-over-smaller speed ratio, as hyperfine reports it, formatted. */
export function speedup(comparison: Comparison): {
  candidateFaster: boolean
  factor: number
  text: string
} {
  const { faster, factor, stddev } = largerOverSmaller(comparison.ratio)
  return { candidateFaster: faster === 'candidate', factor, text: formatRatio(factor, stddev) }
}

/** The verdict in one line without markup, e.g. for `core.setFailed`. */
export function headline(results: ResultsFile, style: Style = PLAIN_STYLE): string {
  const { comparison } = results
  const { welch } = comparison
  const candidate = style.name(comparison.candidate)
  const baseline = style.name(comparison.baseline)
  const change = relativeChange(results)
  const threshold = formatPercent(comparison.threshold)
  switch (comparison.verdict) {
    case 'regression':
      return `Regression: ${candidate} ${formatPercentAmount(change.mean)} slower than ${baseline} (p ${pIs(welch.pRegression)}, threshold ${threshold})`
    case 'improvement':
      return `Improvement: ${candidate} ran ${speedup(comparison).text} times faster than ${baseline} (p ${pIs(welch.pImprovement)})`
    case 'unchanged':
      return `Unchanged: ${candidate} within ±${threshold} of ${baseline} (change ${formatPercentChange(change.mean)}, p ${pIs(welch.pUnchanged)})`
    case 'inconclusive':
      return comparison.threshold === 0
        ? `Inconclusive: no significant difference between ${candidate} and ${baseline} at ${style.alpha} = ${formatPlain(comparison.alpha)}, change ${formatChange(change)}`
        : `Inconclusive: ${candidate} ${formatChange(change)} vs ${baseline}, not enough to decide at ±${threshold}`
  }
}

const ROLE_NAMES = new Set(['baseline', 'candidate'])

/** Capitalises the standard role names at the start of a sentence, never user names. */
function sentenceStart(name: string): string {
  return ROLE_NAMES.has(name) ? name.charAt(0).toUpperCase() + name.slice(1) : name
}

/** "Candidate ran 3.17 ± 0.07 times faster than baseline." */
export function speedupSentence(results: ResultsFile, style: Style): string {
  const { comparison } = results
  const { candidateFaster, factor, text } = speedup(comparison)
  const [faster, slower] = candidateFaster
    ? [comparison.candidate, comparison.baseline]
    : [comparison.baseline, comparison.candidate]
  if (factor.toFixed(2) === '1.00') {
    return `${style.name(sentenceStart(comparison.candidate))} and ${style.name(comparison.baseline)} ran equally fast (ratio ${text}).`
  }
  return `${style.name(sentenceStart(faster))} ran ${text} times faster than ${style.name(slower)}.`
}

/** Welch figures, change, threshold tests and looks, one fact per line. */
export function statisticsLines(results: ResultsFile, style: Style): string[] {
  const { comparison } = results
  const { welch } = comparison
  const threshold = formatPercent(comparison.threshold)
  return [
    `Welch's t-test: t = ${formatStatistic(welch.t)}, df = ${formatStatistic(welch.df)}, p ${pIs(welch.pTwoSided)} (two-sided)`,
    `Change in mean: ${formatChange(relativeChange(results))} relative to ${style.name(comparison.baseline)}`,
    `Threshold ±${threshold}, ${style.alpha} = ${formatPlain(comparison.alpha)}: p(regression) ${pIs(welch.pRegression)}, p(improvement) ${pIs(welch.pImprovement)}, p(unchanged) ${pIs(welch.pUnchanged)}`,
    looksLine(comparison)
  ]
}

function looksLine(comparison: Comparison): string {
  const { looks } = comparison
  const at =
    looks.length === 0
      ? ''
      : ` (at ${looks.map(look => formatCount(look.samples)).join(', ')} samples per group; levels ${looks.map(look => formatP(look.level)).join(', ')})`
  const ending = comparison.stoppedEarly ? 'stopped early' : 'ran to the end'
  return `Looks: ${looks.length} of ${comparison.plannedLooks}${at}; ${ending} with ${formatCount(comparison.samples)} of ${formatCount(comparison.plannedSamples)} planned samples per group`
}

/** For an inconclusive verdict: what these samples could detect and what would resolve it. */
export function sensitivityLines(results: ResultsFile, style: Style): string[] {
  const { comparison } = results
  if (comparison.verdict !== 'inconclusive' || !comparison.sensitivity) return []
  const { detectableSlowdown, samplesNeeded } = comparison.sensitivity
  const threshold = formatPercent(comparison.threshold)
  const detectable = `These samples could detect a slowdown of ${formatPercentAmount(detectableSlowdown)} or more (80% power at ${style.alpha} = ${formatPlain(comparison.alpha)}).`
  const needed =
    samplesNeeded === null
      ? `No number of samples would resolve the ±${threshold} threshold: the observed change sits right on it.`
      : `About ${formatCount(samplesNeeded)} samples per group would resolve the ±${threshold} threshold (this run used ${formatCount(comparison.samples)}).`
  return [detectable, needed]
}

/** The group's name, with its role when the name is not the role itself: `control (baseline)`. */
function groupLabel(result: GroupResult, role: string): string {
  const name = result.parameters?.group ?? role
  return name === role ? role : `${name} (${role})`
}

export interface GroupTable {
  header: string[]
  /** Plain, unescaped cells; the first two columns are user text. */
  rows: string[][]
}

/**
 * The seed-style table: group, version or command, mean, sd, median, min, max,
 * samples, then mean CPU and peak memory where they were measured.
 */
export function groupTable(results: ResultsFile): GroupTable {
  const { baseline, candidate } = comparedGroups(results)
  const groups = [
    { role: 'baseline', result: baseline },
    { role: 'candidate', result: candidate }
  ]
  const hasVersion = groups.some(group => group.result.version !== undefined)
  const columns = formatDurationColumns(
    [
      (result: GroupResult) => result.mean,
      (result: GroupResult) => result.stddev,
      (result: GroupResult) => result.median,
      (result: GroupResult) => result.min,
      (result: GroupResult) => result.max
    ].map(pick => groups.map(group => pick(group.result)))
  )
  const resources = resourceColumns(groups.map(group => group.result))
  return {
    header: [
      'Group',
      hasVersion ? 'Pulumi version' : 'Command',
      'Mean',
      'Std. dev.',
      'Median',
      'Min',
      'Max',
      'Samples',
      ...resources.header
    ],
    rows: groups.map(({ role, result }, index) => [
      groupLabel(result, role),
      (hasVersion ? result.version : undefined) ?? result.command,
      ...columns.map(cells => cells[index] ?? '-'),
      formatCount(result.times.length),
      ...(resources.cells[index] ?? [])
    ])
  }
}
