/**
 * The one seeded generator (mulberry32): the same numbers for the same seed on every
 * machine, so calibrated designs replay exactly and a sweep's recorded order is
 * reproducible. Returns the next uniform on [0, 1) each call.
 */
export function seededUniform(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
