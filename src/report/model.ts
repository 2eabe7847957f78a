/**
 * What a report says, derived from a results file: the headline, the summary
 * sentence, the statistics lines and the group table. Pure and format-neutral:
 * the markdown and text renderers differ only in the `Style` they pass.
 */
import { InputError } from '../core/errors/errors'
import { MAX_SAMPLES } from '../core/limits'
import type { Comparison, Verdict } from '../stats/types'
import type { GroupResult, ResultsFile } from '../results/schema'
import { largerOverSmaller } from '../stats/tests/ratio'
import { plainText } from './format/escape'
import { resourceColumns } from './format/resources'
import {
  formatCount,
  formatDurationColumns,
  formatPercent,
  formatPercentAmount,
  formatPercentChange,
  formatPlain,
  formatRatio,
  formatStatistic,
  formatLevel,
  formatPAgainst,
  percentDigits,
  pIs,
  relation
} from './format/numbers'

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
 * The two groups compared: the first result is the baseline and the second the
 * candidate, as every results file of ours is written. Told apart by position, never
 * by name: both may run the same command.
 */
export function comparedGroups(results: ResultsFile): ComparedGroups {
  const [baseline, candidate] = results.results
  if (baseline === undefined || candidate === undefined) {
    throw new InputError(
      `Results file of "${results.benchmark}" holds ${results.results.length} results; a comparison needs two`
    )
  }
  return { baseline, candidate }
}

export interface RelativeChange {
  /** Candidate over baseline mean, minus 1; null when the baseline's mean is 0. */
  mean: number | null
  low: number | null
  /** Null: no finite upper bound. */
  high: number | null
  /** Confidence level of the interval, e.g. 0.9. */
  confidence: number
}

/** The change in the mean, (ratio − 1), with Fieller's interval of the ratio. */
export function relativeChange(results: ResultsFile): RelativeChange {
  const { ratio } = results.comparison
  const minusOne = (value: number | null) => (value === null ? null : value - 1)
  return {
    mean: minusOne(ratio.value),
    low: minusOne(ratio.ciLow),
    high: minusOne(ratio.ciHigh),
    confidence: ratio.confidence
  }
}

/** `+12.3% (90% CI +10.1% to +14.5%)`; an interval with no upper bound says so. */
export function formatChange(change: RelativeChange): string {
  if (change.mean === null) return 'undefined (the baseline mean is 0 s)'
  const level = formatConfidence(change.confidence)
  const finite = [change.mean, change.low, change.high].filter(
    (value): value is number => value !== null
  )
  const digits = percentDigits(...finite)
  const [mean, low, high] = [change.mean, change.low, change.high].map(fraction =>
    fraction === null ? 'no upper bound' : formatPercentChange(fraction, digits)
  )
  return `${mean} (${level} CI ${low} to ${high})`
}

/**
 * A confidence level such as 0.9972 without claiming digits it has not: `99.7%`. A level
 * below 1 is never rounded up to `100%` (a certainty no interval has): at the small
 * levels of a family's steps it keeps the digits that tell it from 1 (`99.96%`).
 */
function formatConfidence(confidence: number): string {
  let digits = 3
  while (confidence < 1 && Number((confidence * 100).toPrecision(digits)) >= 100 && digits < 10) {
    digits++
  }
  return `${Number((confidence * 100).toPrecision(digits))}%`
}

/** The larger-over-smaller speed ratio, as hyperfine reports it, formatted; null when undefined. */
export function speedup(comparison: Comparison): {
  candidateFaster: boolean
  factor: number
  text: string
} | null {
  const { value, stddev } = comparison.ratio
  if (value === null || stddev === null || !(value > 0)) return null
  const { faster, factor, stddev: spread } = largerOverSmaller({ value, stddev })
  return { candidateFaster: faster === 'candidate', factor, text: formatRatio(factor, spread) }
}

/** A test's p with the level this look needed: `p = 0.046; this look needed < 0.043`. */
function pNeeded(p: number, level: number): string {
  const shown = formatPAgainst(p, level)
  return `p ${relation(shown.p)}; this look needed < ${shown.level}`
}

/** The verdict of one comparison in one line, e.g. for `core.setFailed` (headline.ts). */
export function comparisonHeadline(results: ResultsFile, style: Style = PLAIN_STYLE): string {
  const { comparison } = results
  const { welch } = comparison
  const candidate = style.name(comparison.candidate)
  const baseline = style.name(comparison.baseline)
  const change = relativeChange(results)
  const threshold = formatPercent(comparison.threshold)
  // Plain Welch (threshold 0, `compare`'s default) has no threshold to be beyond.
  const beyond = comparison.threshold > 0 ? `, beyond the ${threshold} threshold` : ''
  const look = comparison.looks[comparison.looks.length - 1]
  const level = look?.level ?? comparison.alpha
  const equivalenceLevel = look?.equivalenceLevel ?? comparison.alpha
  switch (comparison.verdict) {
    case 'regression':
      return `Regression: ${candidate} ran ${formatPercentAmount(change.mean ?? NaN)} slower than ${baseline}${beyond} (${pNeeded(welch.pRegression, level)})`
    case 'improvement': {
      const faster = speedup(comparison)
      const how = faster
        ? `${faster.text} times faster`
        : `${formatPercentAmount(change.mean ?? NaN)} faster`
      return `Improvement: ${candidate} ran ${how} than ${baseline}${beyond} (${pNeeded(welch.pImprovement, level)})`
    }
    case 'unchanged':
      return `Unchanged: ${candidate} within ±${threshold} of ${baseline} (change ${formatPercentChange(change.mean ?? NaN)}, ${pNeeded(welch.pUnchanged, equivalenceLevel)})`
    case 'inconclusive':
      return comparison.threshold === 0
        ? `Inconclusive: no significant difference between ${candidate} and ${baseline} at ${style.alpha} = ${formatPlain(comparison.alpha)}, change ${formatChange(change)}`
        : change.mean === null
          ? `Inconclusive: ${candidate} cannot be compared with ${baseline}, whose mean is 0 s`
          : `Inconclusive: ${candidate} ${formatChange(change)} vs ${baseline}, not enough to decide at ±${threshold}`
  }
}

const ROLE_NAMES = new Set(['baseline', 'candidate'])

/** Capitalises the standard role names at the start of a sentence, never user names. */
function sentenceStart(name: string): string {
  return ROLE_NAMES.has(name) ? name.charAt(0).toUpperCase() + name.slice(1) : name
}

/**
 * "Candidate ran 3.17 ± 0.07 times faster than baseline", with what the ± means
 * (hyperfine's convention: the spread of single runs) beside the confidence interval
 * of the ratio, which is what the verdict rests on.
 */
export function speedupSentence(results: ResultsFile, style: Style): string {
  const { comparison } = results
  const faster = speedup(comparison)
  if (faster === null) {
    return `No speed ratio: the mean time of ${style.name(comparison.baseline)} or ${style.name(comparison.candidate)} is 0 s.`
  }
  const { candidateFaster, factor, text } = faster
  const [quicker, slower] = candidateFaster
    ? [comparison.candidate, comparison.baseline]
    : [comparison.baseline, comparison.candidate]
  const sentence =
    factor.toFixed(2) === '1.00'
      ? `${style.name(sentenceStart(comparison.candidate))} and ${style.name(comparison.baseline)} ran equally fast (ratio ${text})`
      : `${style.name(sentenceStart(quicker))} ran ${text} times faster than ${style.name(slower)}`
  const interval =
    factor.toFixed(2) === '1.00'
      ? ratioInterval(comparison, 'candidate/baseline', false)
      : ratioInterval(comparison, 'that factor', candidateFaster)
  return `${sentence}; ± is the spread of single runs, as hyperfine prints it. ${interval}`
}

/**
 * Fieller's interval of candidate/baseline, turned to baseline/candidate when the
 * sentence before it says how many times faster the candidate ran, so the factor and
 * its interval run the same way (never 1.85× beside 0.485 to 0.608).
 */
function ratioInterval(comparison: Comparison, what: string, inverted: boolean): string {
  const { ratio } = comparison
  if (ratio.ciLow === null) return ''
  const [low, high] = inverted
    ? [ratio.ciHigh === null ? 0 : 1 / ratio.ciHigh, ratio.ciLow > 0 ? 1 / ratio.ciLow : null]
    : [ratio.ciLow, ratio.ciHigh]
  const shownHigh = high === null ? 'no upper bound' : formatRatioBound(high)
  return `The ${formatConfidence(ratio.confidence)} confidence interval of ${what} is ${formatRatioBound(low)} to ${shownHigh}.`
}

/** A ratio bound with three significant digits: `0.316`, `1.05`, `12.4`. */
function formatRatioBound(value: number): string {
  return Number(value.toPrecision(3)).toString()
}

/** Welch figures, change, threshold tests and looks, one fact per line. */
export function statisticsLines(results: ResultsFile, style: Style): string[] {
  const { comparison } = results
  const { welch } = comparison
  const threshold = formatPercent(comparison.threshold)
  const look = comparison.looks[comparison.looks.length - 1]
  const level = look?.level ?? comparison.alpha
  const equivalenceLevel = look?.equivalenceLevel ?? comparison.alpha
  return [
    `Welch's t-test: ${tIs(welch.t)}, df = ${formatStatistic(welch.df)}, p ${pIs(welch.pTwoSided)} (two-sided)`,
    `Change in mean: ${formatChange(relativeChange(results))} relative to ${style.name(comparison.baseline)}`,
    `Threshold ±${threshold}, ${style.alpha} = ${formatPlain(comparison.alpha)} over all looks${familyNote(comparison)}: ${testsAtLook(welch, level, equivalenceLevel)}`,
    looksLine(comparison)
  ]
}

/**
 * Welch's t; when neither group varies it is infinite (different means) or undefined
 * (equal ones), and a results file keeps it as null: said in words, never `t = -`.
 */
function tIs(t: number | null): string {
  return t !== null && Number.isFinite(t)
    ? `t = ${formatStatistic(t)}`
    : 't not finite (neither group varies)'
}

/** The three p-values and what this look needed of each, digits enough to compare. */
function testsAtLook(welch: Comparison['welch'], level: number, equivalenceLevel: number): string {
  const sides = [welch.pRegression, welch.pImprovement].map(p => formatPAgainst(p, level))
  const unchanged = formatPAgainst(welch.pUnchanged, equivalenceLevel)
  // The more precise of the level's two renderings keeps both comparisons readable.
  const needed = sides.map(side => side.level).sort((a, b) => b.length - a.length)[0]!
  return `p(regression) ${relation(sides[0]!.p)}, p(improvement) ${relation(sides[1]!.p)}, p(unchanged) ${relation(unchanged.p)}; this look needed < ${needed} for regression or improvement, < ${unchanged.level} for unchanged`
}

function familyNote(comparison: Comparison): string {
  const m = comparison.design.familySize
  const trend = comparison.design.detrend
    ? ' (a common linear run-order trend removed first; the table shows the samples as measured)'
    : ''
  const trimmed =
    comparison.design.statistic === 'trimmed'
      ? " (Yuen's test of 20%-trimmed means: the ratio and its interval are of the trimmed means)"
      : ''
  return (
    trend +
    trimmed +
    (m > 1
      ? ` (one of ${formatCount(m)} comparisons judged together: regression and improvement spend ${formatLevel(comparison.alpha / m)} each)`
      : '')
  )
}

/**
 * The looks and the samples each used. Groups of different sizes (a hyperfine file)
 * are looked at with different counts, so each look names both then.
 */
function looksLine(comparison: Comparison): string {
  const { looks } = comparison
  const last = looks[looks.length - 1]
  const unequal = looks.some(look => look.baseline !== look.candidate)
  const at =
    looks.length === 0
      ? ''
      : unequal
        ? ` (at ${looks.map(look => `${formatCount(look.baseline)} baseline and ${formatCount(look.candidate)} candidate samples`).join('; ')})`
        : ` (at ${looks.map(look => formatCount(look.samples)).join(', ')} samples per group)`
  const ending = comparison.stoppedEarly ? 'stopped early' : 'ran to the end'
  const used =
    unequal && last
      ? `${formatCount(last.baseline)} baseline and ${formatCount(last.candidate)} candidate samples of at most ${formatCount(comparison.plannedSamples)} per group`
      : `${formatCount(comparison.samples)} of ${formatCount(comparison.plannedSamples)} planned samples per group`
  return `Looks: ${looks.length} of ${comparison.plannedLooks}${at}; ${ending} with ${used}`
}

/** For an inconclusive verdict: what these samples could detect and what would resolve it. */
export function sensitivityLines(results: ResultsFile): string[] {
  const { comparison } = results
  if (comparison.verdict !== 'inconclusive' || !comparison.sensitivity) return []
  const { detectableSlowdown, samplesNeeded, level } = comparison.sensitivity
  const threshold = formatPercent(comparison.threshold)
  const detectable =
    detectableSlowdown === null
      ? `These samples cannot bound the slowdown they could detect: their spread is too large for ${formatCount(comparison.samples)} samples per group (80% power at the last look's level, ${formatLevel(level)}); take more samples or quieten the machine.`
      : `These samples could detect a slowdown of ${formatPercentAmount(detectableSlowdown)} or more (80% power at the last look's level, ${formatLevel(level)}).`
  const needed =
    samplesNeeded === null
      ? `With a threshold of ${threshold} nothing can be called unchanged; set a threshold to learn how many samples would settle it.`
      : samplesNeeded > MAX_SAMPLES
        ? `More than ${formatCount(MAX_SAMPLES)} samples per group, the most a run takes, would be needed to call an unchanged candidate unchanged within ±${threshold} (this run used ${formatCount(comparison.samples)}).`
        : `About ${formatCount(samplesNeeded)} samples per group would call an unchanged candidate unchanged within ±${threshold} (80% power; this run used ${formatCount(comparison.samples)}).`
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
