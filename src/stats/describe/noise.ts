import { interleavedPosition } from './detrend'
import { modifiedZScores } from './outliers'

/**
 * What an A/A run says about a runner's noise (docs/cli.md "Calibrate"): both groups ran
 * the same thing, interleaved, so together they are one series in run order.
 */
export interface NoiseProfile {
  samples: number
  mean: number
  /** Coefficient of variation: standard deviation over mean. */
  cv: number
  /** Sample skewness g1: > 0 when slow samples reach further than fast ones. */
  skew: number
  /** Share of samples whose modified Z-score exceeds 3.5 (Iglewicz and Hoaglin's spikes). */
  outliers: number
  /**
   * Sarle's bimodality coefficient of the samples that are not spikes (a few spikes
   * alone would read as a second mode; more than 10% are one); above 5/9 two modes or more.
   */
  bimodality: number
  clustered: boolean
  /** The linear trend over the run, as a share of the mean from first sample to last. */
  drift: number
  /** Correlation of each sample with the one before it in run order. */
  autocorrelation: number
}

/** Iglewicz and Hoaglin's cut for a spike, milder than hyperfine's warning (14.826). */
const SPIKE = 3.5
/** A share of spikes beyond which they are a second mode rather than spikes. */
const MOST_SPIKES = 0.1
/** Sarle's coefficient of a uniform distribution: above it, two or more modes. */
const BIMODAL = 5 / 9

/** The noise of the samples of both groups of an A/A run, merged in run order. */
export function noiseProfile(
  baseline: readonly number[],
  candidate: readonly number[]
): NoiseProfile {
  const series = runOrder(baseline, candidate)
  const n = series.length
  const mean = series.reduce((sum, x) => sum + x, 0) / n
  const moment = (k: number) => series.reduce((sum, x) => sum + (x - mean) ** k, 0) / n
  const variance = moment(2)
  const sd = Math.sqrt((variance * n) / (n - 1))
  const skew = variance > 0 ? moment(3) / variance ** 1.5 : 0
  const { scores } = modifiedZScores(series)
  const spikes = scores.filter(z => Math.abs(z) > SPIKE).length / n
  // More "spikes" than a few are a mode of their own: then all samples tell the modes.
  const typical =
    spikes > MOST_SPIKES ? series : series.filter((_, i) => Math.abs(scores[i]!) <= SPIKE)
  const bimodality = sarle(typical)
  return {
    samples: n,
    mean,
    cv: mean > 0 ? sd / mean : 0,
    skew,
    outliers: spikes,
    bimodality,
    clustered: bimodality > BIMODAL,
    drift: mean > 0 ? (slope(series) * (n - 1)) / mean : 0,
    autocorrelation: lagOne(series, mean, variance)
  }
}

/** Sarle's bimodality coefficient, with the small-sample corrections of g1 and g2. */
function sarle(values: readonly number[]): number {
  const n = values.length
  if (n < 4) return 0
  const mean = values.reduce((sum, x) => sum + x, 0) / n
  const moment = (k: number) => values.reduce((sum, x) => sum + (x - mean) ** k, 0) / n
  const variance = moment(2)
  if (variance === 0) return 0
  const g1 = ((moment(3) / variance ** 1.5) * Math.sqrt(n * (n - 1))) / (n - 2)
  const g2 = ((n - 1) / ((n - 2) * (n - 3))) * ((n + 1) * (moment(4) / variance ** 2 - 3) + 6)
  return (g1 * g1 + 1) / (g2 + (3 * (n - 1) ** 2) / ((n - 2) * (n - 3)))
}

/** The samples of both groups in the order they ran (AB, BA, …). */
function runOrder(baseline: readonly number[], candidate: readonly number[]): number[] {
  const placed = [
    ...baseline.map((x, i) => ({ x, at: interleavedPosition('baseline', i) })),
    ...candidate.map((x, i) => ({ x, at: interleavedPosition('candidate', i) }))
  ]
  return placed.sort((a, b) => a.at - b.at).map(({ x }) => x)
}

/** Least-squares slope of the series on its position. */
function slope(series: readonly number[]): number {
  const n = series.length
  const centre = (n - 1) / 2
  const mean = series.reduce((sum, x) => sum + x, 0) / n
  let covariance = 0
  let spread = 0
  series.forEach((x, i) => {
    covariance += (i - centre) * (x - mean)
    spread += (i - centre) ** 2
  })
  return spread > 0 ? covariance / spread : 0
}

function lagOne(series: readonly number[], mean: number, variance: number): number {
  if (variance === 0 || series.length < 3) return 0
  let sum = 0
  for (let i = 1; i < series.length; i++) sum += (series[i]! - mean) * (series[i - 1]! - mean)
  return sum / series.length / variance
}
