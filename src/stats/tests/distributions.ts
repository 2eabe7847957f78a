import tCdfStdlib from '@stdlib/stats-base-dists-t-cdf'
import tQuantileStdlib from '@stdlib/stats-base-dists-t-quantile'
import normalCdfStdlib from '@stdlib/stats-base-dists-normal-cdf'
import erfcinv from '@stdlib/math-base-special-erfcinv'

// Beyond this many degrees of freedom Student's t is the normal distribution to
// double precision; stdlib's t functions return wrong values for df = Infinity
// (cdf 0.5) and for df near 1e20 (quantile 0), so we switch over before that.
const NORMAL_LIMIT_DF = 1e12

/** Student's t cumulative distribution function P(T ≤ x) with `df` degrees of freedom. */
export function tCdf(x: number, df: number): number {
  return df > NORMAL_LIMIT_DF ? normalCdf(x) : tCdfStdlib(x, df)
}

/** Student's t quantile: the x with P(T ≤ x) = p. */
export function tQuantile(p: number, df: number): number {
  return df > NORMAL_LIMIT_DF ? normalQuantile(p) : tQuantileStdlib(p, df)
}

/** Standard normal cumulative distribution function. */
export function normalCdf(x: number): number {
  return normalCdfStdlib(x, 0, 1)
}

/**
 * Standard normal quantile, from the inverse complementary error function so that
 * both tails keep full precision (stdlib's normal quantile forms 1 − 2p and returns
 * −Infinity below p ≈ 1e-17; alpha spending at tiny alphas needs those tails).
 */
export function normalQuantile(p: number): number {
  return p < 0.5 ? -Math.SQRT2 * erfcinv(2 * p) : Math.SQRT2 * erfcinv(2 * (1 - p))
}
