import { normalCdf, normalQuantile } from '../tests/distributions'

/**
 * Hwang–Shih–DeCani spending: the share of `alpha` that may be spent by information
 * fraction t, α(t) = α·(1 − e^(−γt)) / (1 − e^(−γ)); γ < 0 spends little early
 * (γ = −4 is close to O'Brien–Fleming), γ = 0 spends evenly. At t = 1 it is alpha.
 */
export function hsdSpent(alpha: number, gamma: number, fraction: number): number {
  if (fraction <= 0) return 0
  if (fraction >= 1) return alpha
  if (gamma === 0) return alpha * fraction
  return (alpha * -Math.expm1(-gamma * fraction)) / -Math.expm1(-gamma)
}

// The z-scale grid for the numerical integration. Below LOWER the density of a
// standardised statistic is under 1e-23: nothing there can matter.
const LOWER = -10
const GRID_INTERVALS = 200

/** A density known at the nodes of a Simpson grid. */
interface GridDensity {
  nodes: number[]
  weights: number[]
  values: number[]
}

/** Composite Simpson nodes and weights on [from, to], with `density` evaluated there. */
function onGrid(from: number, to: number, density: (z: number) => number): GridDensity {
  const step = (to - from) / GRID_INTERVALS
  const nodes: number[] = []
  const weights: number[] = []
  for (let i = 0; i <= GRID_INTERVALS; i++) {
    nodes.push(from + i * step)
    const factor = i === 0 || i === GRID_INTERVALS ? 1 : i % 2 === 1 ? 4 : 2
    weights.push((factor * step) / 3)
  }
  return { nodes, weights, values: nodes.map(density) }
}

/** ∫ density(u)·f(u) du over the grid. */
function integrate(density: GridDensity, f: (u: number) => number): number {
  let sum = 0
  for (let i = 0; i < density.nodes.length; i++) {
    sum += density.weights[i]! * density.values[i]! * f(density.nodes[i]!)
  }
  return sum
}

function standardNormalDensity(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI)
}

/**
 * A one-sided group sequential boundary: z-values c_k of the looks, and a way to ask
 * how likely a standard-normal statistic (a Brownian motion in information time) is
 * to reach look k without crossing and then lie above z there.
 */
export interface Boundary {
  /** Nominal one-sided level of each look: 1 − Φ(c_k). */
  levels: number[]
  /** What the looks before look k spent together (0 for k = 0). */
  spentBefore(k: number): number
  /** P₀(no crossing before look k, Z_k ≥ z), for k ≥ 0 (0-based). */
  beyond(k: number, z: number): number
}

/**
 * Boundaries for looks at the given information fractions (increasing, the last 1) so
 * that the chance of first crossing at look k is spent(t_k) − spent(t_{k−1}); looks
 * before `firstDeciding` spend nothing, and that one spends all of spent(t_k).
 *
 * The recursive numerical integration of Armitage, McPherson and Rowe (Jennison &
 * Turnbull, 2000, ch. 19): the density of Z_k on the continuation region is carried
 * from look to look on a Simpson grid, and each boundary is found by bisection.
 */
export function boundary(
  fractions: readonly number[],
  spent: (t: number) => number,
  firstDeciding = 0
): Boundary {
  const levels: number[] = []
  const increments: number[] = []
  // densities[k]: Z_k's density on the continuation region of looks 0..k.
  const densities: GridDensity[] = []
  const crossingAt = (k: number, c: number): number => {
    if (k === 0) return normalCdf(-c)
    const [now, then] = [Math.sqrt(fractions[k]!), Math.sqrt(fractions[k - 1]!)]
    const spread = Math.sqrt(fractions[k]! - fractions[k - 1]!)
    // Z_k·√t_k = Z_{k−1}·√t_{k−1} + an independent N(0, t_k − t_{k−1}).
    return integrate(densities[k - 1]!, u => normalCdf(-(c * now - u * then) / spread))
  }
  fractions.forEach((fraction, k) => {
    const target =
      k < firstDeciding ? 0 : spent(fraction) - (k === firstDeciding ? 0 : spent(fractions[k - 1]!))
    increments.push(target)
    // The first look's quantile without forming 1 − target, which rounds for tiny targets.
    const c =
      k === 0
        ? -normalQuantile(target)
        : target > 0
          ? bisect(c => crossingAt(k, c), target)
          : Infinity
    levels.push(normalCdf(-c))
    const top = Math.min(c, -LOWER)
    if (k === 0) {
      densities.push(onGrid(LOWER, top, standardNormalDensity))
      return
    }
    const [now, then] = [Math.sqrt(fraction), Math.sqrt(fractions[k - 1]!)]
    const spread = Math.sqrt(fraction - fractions[k - 1]!)
    densities.push(
      onGrid(LOWER, top, z =>
        integrate(
          densities[k - 1]!,
          u => standardNormalDensity((z * now - u * then) / spread) * (now / spread)
        )
      )
    )
  })
  const spentBefore = (k: number): number =>
    increments.slice(0, k).reduce((sum, increment) => sum + increment, 0)
  return { levels, spentBefore, beyond: crossingAt }
}

/** The c where the decreasing function `crossing` equals `target`. */
function bisect(crossing: (c: number) => number, target: number): number {
  let low = LOWER
  let high = -4 * LOWER
  for (let i = 0; i < 100 && high - low > 1e-10; i++) {
    const middle = (low + high) / 2
    if (crossing(middle) > target) low = middle
    else high = middle
  }
  return (low + high) / 2
}

/** z with P(Z ≥ z) = p, without forming 1 − p. */
export function upperQuantile(p: number): number {
  return -normalQuantile(p)
}
