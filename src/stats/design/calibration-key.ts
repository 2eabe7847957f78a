import type { LookSize } from './looks'
import type { TestKind } from '../tests/test-kind'

/**
 * How a test spends: HSD(γ), deciding from the first look with at least `fromSamples`
 * per group (the last look, if none has), which spends all that HSD allows by then.
 */
export interface SpendingRule {
  gamma: number
  fromSamples: number
}

/**
 * Everything a calibrated α* depends on: the looks, the error rate to keep, how the
 * test spends and what it is computed on. The same request gives the same α* on every
 * machine (the simulation is seeded), which is what lets it be tabled and cached.
 */
export interface CalibrationRequest {
  looks: readonly LookSize[]
  target: number
  rule: SpendingRule
  test: Pick<TestKind, 'statistic' | 'detrend'>
}

/**
 * The request as one readable string: the committed table's key and what a cached
 * value must name to be used (`mean looks 3,4,5 target 0.05 gamma -3 from 0`).
 */
export function calibrationKey(request: CalibrationRequest): string {
  const { looks, target, rule, test } = request
  const sizes = looks.map(look =>
    look.baseline === look.candidate ? `${look.baseline}` : `${look.baseline}/${look.candidate}`
  )
  const statistic = test.detrend ? `${test.statistic}+detrend` : test.statistic
  return `${statistic} looks ${sizes.join(',')} target ${target} gamma ${rule.gamma} from ${rule.fromSamples}`
}

/**
 * Where α* may lie for a target: the boundaries spend about the target, less where the
 * tests are liberal, more where they are conservative (the committed table spans 0.83–1.13
 * times its targets; test/stats/alpha-star-table). A value outside, from a corrupt or
 * hostile cache, is never used.
 */
export function plausibleAlphaStar(alphaStar: unknown, target: number): alphaStar is number {
  return (
    typeof alphaStar === 'number' &&
    Number.isFinite(alphaStar) &&
    alphaStar >= target * ALPHA_STAR_RANGE.low &&
    alphaStar <= target * ALPHA_STAR_RANGE.high
  )
}

/** The share of the target α* may be, at least and at most. */
export const ALPHA_STAR_RANGE = { low: 0.5, high: 1.5 }
