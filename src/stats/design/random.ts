import { seededUniform } from '../../core/seeded'

/**
 * A seeded pseudo-random source for the calibration simulations, so that a design's
 * levels are the same on every machine and report mode replays them exactly.
 */
export class SeededRandom {
  private readonly next: () => number

  constructor(seed: number) {
    this.next = seededUniform(seed)
  }

  /** Uniform on [0, 1) (mulberry32). */
  uniform(): number {
    return this.next()
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.uniform()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.uniform())
  }

  /** Chi-squared with `df` degrees of freedom: 2·Gamma(df/2), by Marsaglia and Tsang (2000). */
  chiSquared(df: number): number {
    return df <= 0 ? 0 : 2 * this.gamma(df / 2)
  }

  private gamma(shape: number): number {
    // Shapes below 1 by the usual boost: Gamma(a) = Gamma(a + 1)·U^(1/a).
    if (shape < 1) return this.gamma(shape + 1) * (1 - this.uniform()) ** (1 / shape)
    const d = shape - 1 / 3
    const c = 1 / Math.sqrt(9 * d)
    for (;;) {
      let x: number
      let v: number
      do {
        x = this.normal()
        v = 1 + c * x
      } while (v <= 0)
      v = v * v * v
      const u = 1 - this.uniform()
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v
    }
  }
}
