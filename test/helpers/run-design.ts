import type { RunDesign } from '../../src/stats/run-design'

/** A fixed-size run of 10 samples per group at alpha 0.05 and a 5% threshold. */
export function fixedRunDesign(name: string): RunDesign & { name: string } {
  return {
    name,
    samples: 10,
    looks: 1,
    decision: { alpha: 0.05, threshold: 0.05 },
    familySize: 1,
    detrend: false,
    statistic: 'mean'
  }
}
