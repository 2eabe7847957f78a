import { median } from 'simple-statistics'

/** hyperfine's threshold on the modified Z-score |x − median| / MAD (10 × 1.4826). */
export const OUTLIER_THRESHOLD = 14.826

/**
 * Modified Z-scores as hyperfine computes them. A MAD of 0 (more than half the
 * samples equal) is replaced by the smallest double step, as hyperfine does, so any
 * sample off the median counts as an outlier then.
 */
export function modifiedZScores(times: readonly number[]): number[] {
  const values = [...times]
  const middle = median(values)
  const mad = median(values.map(x => Math.abs(x - middle)))
  const scale = mad > 0 ? mad : Number.EPSILON
  return values.map(x => (x - middle) / scale)
}

/**
 * Fewest samples for outlier warnings: with 3 or 4 the MAD rests on one or two
 * differences and flags a sample of plain normal noise in 1 run of 10 (n = 3).
 */
export const MIN_OUTLIER_SAMPLES = 5

/**
 * Outlier warnings for one group (never dropped, only reported). A slow first
 * sample gets its own warning (it usually means caches were cold) instead of also
 * being counted among the outliers.
 */
export function outlierWarnings(group: string, times: readonly number[]): string[] {
  if (times.length < MIN_OUTLIER_SAMPLES) return []
  const scores = modifiedZScores(times)
  const warnings: string[] = []
  const slowFirst = (scores[0] ?? 0) > OUTLIER_THRESHOLD
  if (slowFirst) {
    warnings.push(
      `The first ${group} sample was much slower than the rest; caches may have been cold. Consider more warmup runs.`
    )
  }
  const outliers = scores.filter(
    (score, index) => Math.abs(score) > OUTLIER_THRESHOLD && !(slowFirst && index === 0)
  ).length
  if (outliers > 0) {
    warnings.push(
      `${outliers} ${slowFirst ? 'other ' : ''}of ${times.length} ${group} samples are statistical outliers (|x − median| / MAD > ${OUTLIER_THRESHOLD}); other activity on the runner may have disturbed them.`
    )
  }
  return warnings
}
