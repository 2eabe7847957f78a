import type { ResultsFile } from '../../src/results/schema'

/** A sweep's figures in one line for the log: each group's mean, each candidate's ratio and verdict. */
export function describeSweep(results: ResultsFile): string {
  const sweep = results.sweep!
  const means = results.results.map(
    r => `${r.version} ${r.mean.toFixed(3)} s (n ${r.times.length})`
  )
  const rows = sweep.comparisons.map(({ candidate, comparison }) => {
    const { value, ciLow, ciHigh } = comparison.ratio
    return `${candidate}: ${comparison.verdict}, ratio ${value?.toFixed(3)} (${ciLow?.toFixed(3)}–${ciHigh?.toFixed(3)})`
  })
  return `${means.join(', ')}; ${rows.join('; ')}; step ${sweep.verdict}, order seed ${sweep.orderSeed}`
}
