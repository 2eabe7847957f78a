/** A seeded pseudo-random source for simulations, so a failing run can be replayed. */
export class Random {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** Uniform on [0, 1) (mulberry32). */
  uniform(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** Normal by Box–Muller. */
  normal(mean = 0, stddev = 1): number {
    const u = 1 - this.uniform()
    const v = this.uniform()
    return mean + stddev * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }

  normals(n: number, mean: number, stddev: number): number[] {
    return Array.from({ length: n }, () => this.normal(mean, stddev))
  }

  /** One of the values, uniformly. */
  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.uniform() * values.length)]!
  }
}
