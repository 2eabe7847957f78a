import { normalCdf, normalQuantile } from './distributions'

/**
 * Lan–DeMets alpha spending with the O'Brien–Fleming-type function
 * α(t) = 2 − 2·Φ(z₁₋α/₂ / √t), one-sided: the share of `alpha` that may be spent by
 * information fraction t. At t = 1 it is alpha itself.
 */
export function obrienFlemingSpent(alpha: number, fraction: number): number {
  if (fraction <= 0) return 0
  return 2 * normalCdf(normalQuantile(alpha / 2) / Math.sqrt(fraction))
}

// The z-scale grid for the numerical integration. Below −LOWER the density of a
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
 * Nominal one-sided levels for looks at the given information fractions (increasing,
 * the last one 1), such that a statistic that is standard normal under H0 crosses
 * at least one boundary with probability at most `alpha` over all looks.
 *
 * The boundaries come from the recursive numerical integration of Armitage,
 * McPherson and Rowe (Jennison & Turnbull, 2000, ch. 19): the density of Z_k on the
 * continuation region is carried from look to look on a Simpson grid, and each
 * boundary is found by bisection so that the chance of first crossing at look k is
 * exactly α(t_k) − α(t_{k−1}).
 */
export function spendingLevels(alpha: number, fractions: readonly number[]): number[] {
  const levels: number[] = []
  let density: GridDensity | null = null
  let previousFraction = 0
  let spent = 0
  for (const fraction of fractions) {
    const target = obrienFlemingSpent(alpha, fraction) - spent
    let boundary: number
    if (density === null) {
      // The upper-tail quantile without forming 1 − target, which rounds to 1 for tiny targets.
      boundary = -normalQuantile(target)
      density = onGrid(LOWER, boundary, standardNormalDensity)
    } else {
      // Z_k·√t_k = Z_{k−1}·√t_{k−1} + an independent N(0, t_k − t_{k−1}).
      const before = density
      const spread = Math.sqrt(fraction - previousFraction)
      const now = Math.sqrt(fraction)
      const then = Math.sqrt(previousFraction)
      const crossing = (c: number): number =>
        integrate(before, u => normalCdf(-(c * now - u * then) / spread))
      boundary = target > 0 ? bisect(crossing, target) : Infinity
      density = onGrid(LOWER, Math.min(boundary, -LOWER), z =>
        integrate(
          before,
          u => standardNormalDensity((z * now - u * then) / spread) * (now / spread)
        )
      )
    }
    levels.push(normalCdf(-boundary))
    spent += target
    previousFraction = fraction
  }
  return levels
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

/**
 * Sample sizes of the looks: n_k = ⌈k·samples/looks⌉ per group, k = 1..looks.
 */
export function lookSampleSizes(samples: number, looks: number): number[] {
  return Array.from({ length: looks }, (_, k) => Math.ceil(((k + 1) * samples) / looks))
}

const levelCache = new Map<string, number[]>()

/**
 * Nominal levels of the looks of a run planned for `samples` per group. Memoised:
 * the integration takes tens of milliseconds and simulations ask thousands of times.
 */
export function lookLevels(alpha: number, samples: number, looks: number): number[] {
  if (looks === 1) return [alpha]
  const key = `${alpha}/${samples}/${looks}`
  let levels = levelCache.get(key)
  if (levels === undefined) {
    levels = spendingLevels(
      alpha,
      lookSampleSizes(samples, looks).map(n => n / samples)
    )
    levelCache.set(key, levels)
  }
  return levels
}
