import { median } from 'simple-statistics'

/** hyperfine's threshold on the modified Z-score |x − median| / MAD (10 × 1.4826). */
export const OUTLIER_THRESHOLD = 14.826
/** The same threshold in standard deviations of a normal sample. */
const THRESHOLD_SD = 10

/** Standard deviations per MAD, and per mean absolute deviation, of a normal sample. */
const SD_PER_MAD = 1.4826
const SD_PER_MEAN_DEVIATION = Math.sqrt(Math.PI / 2)

/**
 * Modified Z-scores as hyperfine computes them, |x − median| / MAD, when the MAD is
 * not 0. When more than half the samples are equal (times of a quick command clamped
 * to 0, a coarse clock) the MAD is 0, and hyperfine's stand-in, the smallest double
 * step, makes every other sample an outlier: 19 of 50 once. The mean absolute
 * deviation from the median takes its place then (Iglewicz and Hoaglin's fallback),
 * scaled to the same standard deviations, so the threshold keeps its meaning.
 */
export function modifiedZScores(times: readonly number[]): {
  scores: number[]
  madIsZero: boolean
} {
  const middle = median([...times])
  const deviations = times.map(x => Math.abs(x - middle))
  const mad = median(deviations)
  const meanDeviation = deviations.reduce((sum, x) => sum + x, 0) / times.length
  const scale = mad > 0 ? mad : (meanDeviation * SD_PER_MEAN_DEVIATION) / SD_PER_MAD
  return {
    scores: times.map(x => (scale > 0 ? (x - middle) / scale : 0)),
    madIsZero: !(mad > 0)
  }
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
  const { scores, madIsZero } = modifiedZScores(times)
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
      `${outliers} ${slowFirst ? 'other ' : ''}of ${times.length} ${group} samples are statistical outliers (${madIsZero ? `more than ${THRESHOLD_SD} standard deviations from the median, estimated from the mean absolute deviation: more than half the samples are equal, so the MAD is 0` : `|x − median| / MAD > ${OUTLIER_THRESHOLD}`}); other activity on the runner may have disturbed them.`
    )
  }
  return warnings
}
