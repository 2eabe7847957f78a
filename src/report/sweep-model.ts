/**
 * What the report of a sweep says (docs/sweep.md): a row per group in the order given,
 * with its mean and that mean's interval, its ratio to the baseline with Fieller's
 * interval, and its verdict; the headline over the candidates. Format-neutral and pure.
 */
import type { ResultsFile, SweepComparison, SweepResults } from '../results/schema'
import { sweepGroupResults } from '../results/read/sweep'
import { meanInterval } from '../stats/tests/interval'
import { summarize } from '../stats/describe/summary'
import type { Verdict } from '../stats/types'
import { overallVerdict } from '../stats/decide/verdict'
import { familyHeadline } from './family-model'
import { formatDurationColumns, formatPercent } from './format/numbers'
import { VERDICT_LABEL, type GroupTable, type Style } from './model'

/** One group of a sweep in one phase. */
export interface SweepRow {
  name: string
  mean: number
  /** The interval of the mean over all the group's samples, at 1 − alpha. */
  low: number
  high: number
  /** The comparison with the baseline; none for the baseline itself. */
  compared?: SweepComparison
}

/** The rows of one phase (`undefined` outside Pulumi mode), in the order of `sweep.groups`. */
export function sweepRows(results: ResultsFile, phase: string | undefined): SweepRow[] {
  const sweep = results.sweep!
  const alpha = results.comparison.alpha
  return sweepGroupResults(results, phase).map((result, index) => {
    const name = sweep.groups[index]!
    const interval = meanInterval(summarize(result.times, name), alpha)
    const compared = sweep.comparisons.find(
      entry => entry.candidate === name && entry.phase === phase
    )
    return {
      name,
      mean: result.mean,
      low: interval.low,
      high: interval.high,
      ...(compared ? { compared } : {})
    }
  })
}

/** The table of one phase: group, mean, its interval, ratio to the baseline, verdict. */
export function sweepTable(results: ResultsFile, phase: string | undefined): GroupTable {
  const rows = sweepRows(results, phase)
  const confidence = formatPercent(1 - results.comparison.alpha)
  const [means, lows, highs] = formatDurationColumns([
    rows.map(row => row.mean),
    rows.map(row => row.low),
    rows.map(row => row.high)
  ])
  return {
    header: ['Group', 'Mean', `Mean ${confidence} CI`, 'Ratio to baseline (CI)', 'Verdict'],
    rows: rows.map((row, index) => [
      row.name,
      means![index]!,
      `${lows![index]} to ${highs![index]}`,
      row.compared ? formatRatioInterval(row.compared) : '1 (baseline)',
      row.compared ? VERDICT_LABEL[row.compared.comparison.verdict] : 'Baseline'
    ])
  }
}

/** `1.25 (1.20 to 1.31)`, as far as the ratio and its interval are defined. */
function formatRatioInterval({ comparison }: SweepComparison): string {
  const { value, ciLow, ciHigh } = comparison.ratio
  if (value === null) return 'undefined (the baseline mean is 0 s)'
  const low = ciLow === null ? '?' : ciLow.toFixed(3)
  const high = ciHigh === null ? 'no upper bound' : ciHigh.toFixed(3)
  return `${value.toFixed(3)} (${low} to ${high})`
}

/** Each candidate's verdict over its phases, in the order of the groups. */
export function candidateVerdicts(sweep: SweepResults): { name: string; verdict: Verdict }[] {
  return sweep.groups
    .filter(name => name !== sweep.baseline)
    .map(name => ({
      name,
      verdict: overallVerdict(
        sweep.comparisons
          .filter(entry => entry.candidate === name)
          .map(entry => entry.comparison.verdict)
      )
    }))
}

/** `Regression in 1 of 5 candidates: patch (baseline control)`. */
export function sweepHeadline(results: ResultsFile, style: Style): string {
  const sweep = results.sweep!
  const candidates = candidateVerdicts(sweep)
  const matching = candidates.filter(candidate => candidate.verdict === sweep.verdict)
  const line = familyHeadline({
    verdict: sweep.verdict,
    matching: matching.length,
    total: candidates.length,
    noun: 'candidate',
    names: matching.map(candidate => style.name(candidate.name)).join(', '),
    within: `within ±${formatPercent(results.comparison.threshold)}`
  })
  return `${line} (baseline ${style.name(sweep.baseline)})`
}
