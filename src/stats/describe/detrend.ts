/**
 * Removing a common linear run-order trend (docs/how-it-decides.md): a runner that
 * slows down steadily over a run adds to every sample's variance; with interleaved
 * samples it barely moves the means, but it hides an `unchanged`.
 */

/**
 * Run-order positions of the samples of a run, which interleaves them in
 * counterbalanced pairs AB, BA, AB, …: sample i of the baseline ran at 2i (+1 in
 * odd pairs), of the candidate at 2i (+1 in even pairs).
 */
export function interleavedPosition(group: 'baseline' | 'candidate', index: number): number {
  const second = group === 'baseline' ? index % 2 === 1 : index % 2 === 0
  return 2 * index + (second ? 1 : 0)
}

/**
 * The first `nb` and `nc` samples with the common trend removed: the slope β of
 * time on position, pooled within the groups (least squares, so each group keeps its
 * own mean), times (position − mean position) subtracted from every sample. Each
 * group's mean moves by β·(its mean position − the overall one) and its spread loses
 * the trend; the tests then take one degree of freedom off for β.
 */
export function detrended(
  baseline: readonly number[],
  candidate: readonly number[]
): { baseline: number[]; candidate: number[] } {
  const groups = [
    { times: baseline, positions: baseline.map((_, i) => interleavedPosition('baseline', i)) },
    { times: candidate, positions: candidate.map((_, i) => interleavedPosition('candidate', i)) }
  ]
  let products = 0
  let squares = 0
  for (const { times, positions } of groups) {
    const meanTime = average(times)
    const meanPosition = average(positions)
    positions.forEach((position, i) => {
      products += (position - meanPosition) * (times[i]! - meanTime)
      squares += (position - meanPosition) ** 2
    })
  }
  const slope = squares > 0 ? products / squares : 0
  const centre = average(groups.flatMap(group => group.positions))
  const [b, c] = groups.map(({ times, positions }) =>
    times.map((time, i) => time - slope * (positions[i]! - centre))
  )
  return { baseline: b!, candidate: c! }
}

function average(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length
}
