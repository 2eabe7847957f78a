import { SeededRandom } from '../../src/stats/design/random'

/**
 * The statistics' own seeded source (the same draws for the same seed, so a failing
 * simulation can be replayed), with the conveniences simulations in tests want.
 */
export class Random extends SeededRandom {
  /** Normal with the given mean and standard deviation (Box–Muller). */
  override normal(mean = 0, stddev = 1): number {
    return mean + stddev * super.normal()
  }

  normals(n: number, mean: number, stddev: number): number[] {
    return Array.from({ length: n }, () => this.normal(mean, stddev))
  }

  /** One of the values, uniformly. */
  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.uniform() * values.length)]!
  }
}
