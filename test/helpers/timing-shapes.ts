import { interleavedOrder } from '../../src/bench/schedule/schedule'
import type { Random } from './random'

/**
 * The shapes real CI timings take (docs/validation.md), for simulating the decision
 * rule: each draws a run of `samples` per group, interleaved AB, BA, … as a run
 * measures them, with the candidate's true mean exactly (1 + change)× the baseline's.
 * Every shape has mean 1 before scaling (a time in units of the baseline's mean).
 */
export interface TimingPair {
  baseline: number[]
  candidate: number[]
}

export type TimingShape = (random: Random, change: number, samples: number) => TimingPair

/** Noise of one sample as a factor with mean 1. */
type Factor = (random: Random) => number

export const normal =
  (cv: number): Factor =>
  random =>
    random.normal(1, cv)

/** Lognormal with mean 1 and coefficient of variation `cv` (right-skewed). */
export const lognormal = (cv: number): Factor => {
  const sigma = Math.sqrt(Math.log(1 + cv * cv))
  return random => Math.exp(random.normal((-sigma * sigma) / 2, sigma))
}

/** Normal at CV `cv`, and `share` of samples slowed by a factor uniform on 1.5–2. */
export const outliers = (cv: number, share: number): Factor => {
  const mean = 1 + share * 0.75
  return random =>
    (random.normal(1, cv) * (random.uniform() < share ? 1.5 + 0.5 * random.uniform() : 1)) / mean
}

/**
 * Two equally likely modes 10% apart (a cache hit or miss, a slow provider call), each
 * normal with coefficient of variation `cv`.
 */
export const clustered =
  (cv: number): Factor =>
  random =>
    ((random.uniform() < 0.5 ? 1 : 1.1) * random.normal(1, cv)) / 1.05

/** Both groups draw independent samples of `factor`; the candidate's scaled by 1 + change. */
export function independent(baseline: Factor, candidate: Factor = baseline): TimingShape {
  return (random, change, samples) => ({
    baseline: Array.from({ length: samples }, () => baseline(random)),
    candidate: Array.from({ length: samples }, () => (1 + change) * candidate(random))
  })
}

/**
 * Samples whose noise depends on their place in the run: `noise(position, previous)`
 * gives the factor of the sample at `position` (0-based, of 2·samples) from the one
 * before it, for drift and autocorrelation that hit both groups in run order.
 */
export function runOrder(
  noise: (random: Random, position: number, total: number, previous: number) => number
): TimingShape {
  return (random, change, samples) => {
    const pair: TimingPair = { baseline: [], candidate: [] }
    const order = interleavedOrder(samples)
    let previous = 0
    order.forEach((group, position) => {
      const factor = noise(random, position, order.length, previous)
      previous = factor
      if (group === 0) pair.baseline.push(factor)
      else pair.candidate.push((1 + change) * factor)
    })
    return pair
  }
}

/** A runner that slows down linearly by `drift` over the run, normal noise at `cv`. */
export const drifting = (drift: number, cv: number): TimingShape =>
  runOrder((random, position, total) => (1 + (drift * position) / total) * random.normal(1, cv))

/**
 * AR(1) noise in run order, e_t = φ·e_{t−1} + √(1 − φ²)·σ·z_t, so each sample has CV `cv`
 * and the next is correlated φ with it (a runner whose load comes and goes slowly).
 */
export const autocorrelated = (phi: number, cv: number): TimingShape =>
  runOrder((random, position, _total, previous) => {
    const innovation = random.normal(0, cv)
    // The first sample comes from the stationary distribution.
    const error =
      position === 0 ? innovation : phi * (previous - 1) + Math.sqrt(1 - phi * phi) * innovation
    return 1 + error
  })

/**
 * A cold first sample (`warmup: 0`): the first sample of each named group takes
 * `slower`× as long (a plugin download, a language host's first start).
 */
export function coldFirst(
  shape: TimingShape,
  groups: 'candidate' | 'both',
  slower: number
): TimingShape {
  return (random, change, samples) => {
    const pair = shape(random, change, samples)
    pair.candidate[0]! *= slower
    if (groups === 'both') pair.baseline[0]! *= slower
    return pair
  }
}

/**
 * `shape` measured after one warmup run per group (the default `warmup: 1`): each group's
 * first run is made and left out, as the run leaves out its warmup.
 */
export function warmedUp(shape: TimingShape): TimingShape {
  return (random, change, samples) => {
    const pair = shape(random, change, samples + 1)
    return { baseline: pair.baseline.slice(1), candidate: pair.candidate.slice(1) }
  }
}
