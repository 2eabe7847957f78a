import type { Verdict } from '../stats/types'
import { countOf, formatCount } from './format'

/**
 * The one-line verdict of comparisons judged together, the benchmarks of report mode or
 * the phases of a run: `Regression in 2 of 5 benchmarks: api, web`. `names` lists the
 * ones with `verdict`, already rendered; `within` ends the all-unchanged line.
 */
export function familyHeadline(options: {
  verdict: Verdict
  matching: number
  total: number
  /** Singular: `benchmark`, `phase`. */
  noun: string
  names: string
  within: string
}): string {
  const { verdict, total, noun, names } = options
  const count = `${formatCount(options.matching)} of ${countOf(total, noun)}`
  switch (verdict) {
    case 'regression':
      return `Regression in ${count}: ${names}`
    case 'inconclusive':
      return `Inconclusive: ${count} undecided (${names}), no regression`
    case 'improvement':
      return `Improvement in ${count} (${names}), no regression`
    case 'unchanged':
      return `Unchanged: ${total === 1 ? 'the' : 'all'} ${countOf(total, noun)} ${options.within}`
  }
}
