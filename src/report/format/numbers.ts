/**
 * Number formatting shared by the markdown and text reports. Pure; ASCII only
 * apart from `±`, so the text report stays readable in any terminal.
 */

interface DurationUnit {
  suffix: string
  perSecond: number
  /** Decimals before widening for small values (hyperfine: 3 for s, 1 for ms). */
  decimals: number
}

const SECONDS: DurationUnit = { suffix: 's', perSecond: 1, decimals: 3 }
const MILLISECONDS: DurationUnit = { suffix: 'ms', perSecond: 1000, decimals: 1 }
/** Smallest value (in the column's unit) still shown with two significant digits. */
const SIGNIFICANT_FLOOR = 10
const MAX_EXTRA_DECIMALS = 3

/**
 * Formats columns of durations (seconds) in one unit so a table reads
 * consistently: seconds when the largest value is at least 1 s, else
 * milliseconds. Each column gets the unit's decimals (3 for s, 1 for ms, as
 * hyperfine), widened by up to three so its smallest non-zero value keeps two
 * significant digits: means `[222.232, 70.189] s` and deviations `[0.908, 1.497] s`.
 */
export function formatDurationColumns(columns: readonly (readonly number[])[]): string[][] {
  const finite = columns.flat().filter(Number.isFinite).map(Math.abs)
  const unit = Math.max(0, ...finite) >= 1 ? SECONDS : MILLISECONDS
  return columns.map(values => {
    const scaled = values.filter(Number.isFinite).map(value => Math.abs(value) * unit.perSecond)
    const smallestNonZero = Math.min(...scaled.filter(value => value > 0))
    let decimals = unit.decimals
    while (
      smallestNonZero * 10 ** decimals < SIGNIFICANT_FLOOR &&
      decimals < unit.decimals + MAX_EXTRA_DECIMALS
    ) {
      decimals++
    }
    return values.map(value =>
      Number.isFinite(value) ? `${(value * unit.perSecond).toFixed(decimals)} ${unit.suffix}` : '-'
    )
  })
}

/** One column of durations in one unit (see `formatDurationColumns`). */
export function formatDurationColumn(seconds: readonly number[]): string[] {
  return formatDurationColumns([seconds])[0] ?? []
}

/** One duration on its own: `222.232 s`, `52.3 ms`. */
export function formatDuration(seconds: number): string {
  return formatDurationColumn([seconds])[0] ?? '-'
}

/** A raw sample in seconds with six significant digits: `221.745`, `0.0105123`. */
export function formatSeconds(seconds: number): string {
  return String(Number(seconds.toPrecision(6)))
}

/** `= 0.0012`, or `< 1e-300` for a p of 0: for `p ${pIs(p)}`. */
export function pIs(p: number): string {
  return relation(formatP(p))
}

/** A shown p as the end of `p …`: `= 0.0012`, or the bound `< 1e-300` as it is. */
export function relation(shownP: string): string {
  return shownP.startsWith('<') ? shownP : `= ${shownP}`
}

/**
 * A p of exactly 0 (underflow, or two groups that do not vary at all) is shown as a
 * bound everywhere, never as `0` in one line and `< 1e-300` in the next.
 */
const ZERO_P = '< 1e-300'

/**
 * A p-value as papers and hyperfine users read it: two significant digits
 * (`0.0012`, `0.045`), scientific notation below 0.001 (`2.93e-59`).
 */
export function formatP(p: number): string {
  if (!Number.isFinite(p)) return '-'
  if (p === 0) return ZERO_P
  return p < 0.001 ? p.toExponential(2) : p.toPrecision(2)
}

/**
 * A p-value and the level it was compared with, each with as many significant digits
 * as it takes for the printed figures to compare as the real ones do: p = 0.0496
 * against 0.05 prints as `0.0496` and `0.05`, never `0.050` and `0.05`.
 */
export function formatPAgainst(p: number, level: number): { p: string; level: string } {
  if (p === 0) return { p: ZERO_P, level: formatLevel(level) }
  for (let digits = 2; digits <= 8; digits++) {
    const shownP = significant(p, digits)
    const shownLevel = significant(level, digits)
      .replace(TRAILING_ZEROS, '$1')
      .replace(/\.(?=e|$)/, '')
    if (Number(shownP) < Number(shownLevel) === p < level || digits === 8) {
      return { p: shownP, level: shownLevel }
    }
  }
  throw new Error('unreachable')
}

/** A significance level with two significant digits and no needless zeros: `0.05`, `1.4e-4`. */
export function formatLevel(level: number): string {
  return significant(level, 2)
    .replace(TRAILING_ZEROS, '$1')
    .replace(/\.(?=e|$)/, '')
}

// Zeros a level's digits do not need: 0.05, not 0.050; 1.4e-3, not 1.40e-3.
const TRAILING_ZEROS = /(\.\d*?)0+(?=e|$)/

function significant(value: number, digits: number): string {
  if (value === 0) return '0'
  const text = value < 0.001 ? value.toExponential(digits - 1) : value.toPrecision(digits)
  return text.replace(/\.(?=e|$)/, '')
}

/** Decimals for percentages read together: two when all are below 1%, else one. */
export function percentDigits(...fractions: number[]): number {
  return fractions.every(fraction => Math.abs(fraction) < 0.01) ? 2 : 1
}

/** A measured amount given as a fraction: `12.3%`, `0.42%`. */
export function formatPercentAmount(fraction: number, digits = percentDigits(fraction)): string {
  if (!Number.isFinite(fraction)) return '-'
  return `${Math.abs(fraction * 100).toFixed(digits)}%`
}

/** A signed change given as a fraction: `+12.3%`, `-68.4%`, `+0.42%`. */
export function formatPercentChange(fraction: number, digits = percentDigits(fraction)): string {
  const amount = formatPercentAmount(fraction, digits)
  if (amount === '-' || parseFloat(amount) === 0) return amount
  return fraction > 0 ? `+${amount}` : `-${amount}`
}

/** An unsigned fraction as a percentage without needless zeros: `0.05` → `5%`, `0.025` → `2.5%`. */
export function formatPercent(fraction: number): string {
  return `${formatPlain(fraction * 100)}%`
}

/** A setting such as alpha, without float noise: `0.05`. */
export function formatPlain(value: number): string {
  return String(Number(value.toPrecision(6)))
}

/** A ratio with its uncertainty, as hyperfine prints it: `3.17 ± 0.07`. */
export function formatRatio(value: number, stddev: number): string {
  return `${value.toFixed(2)} ± ${stddev.toFixed(2)}`
}

/** A test statistic or degrees of freedom: `-388.40`, `31.33`. */
export function formatStatistic(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : '-'
}

/** A count and its noun, singular for one: `1 benchmark`, `3 benchmarks`. */
export function countOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(count)} ${count === 1 ? noun : plural}`
}

/** A count with thousands separators: `100,000`. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US')
}
