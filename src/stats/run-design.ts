import type { AlphaStarCache } from './design/calibrate'
import type { Design } from './design/design'
import { planPhases } from './phases'
import type { Statistic } from './tests/test-kind'

/** The settings of a run that its sequential design follows from. */
export interface RunDesign {
  samples: number
  looks: number
  familySize: number
  detrend: boolean
  statistic: Statistic
  decision: { alpha: number; threshold: number }
}

/**
 * The design of a run timing `phases` phases: each a member of one family. Its α* come
 * from the committed table or `cache` when they hold them, else they take seconds.
 */
export function planRunDesign(config: RunDesign, phases: number, cache?: AlphaStarCache): Design {
  return planPhases({
    alpha: config.decision.alpha,
    samples: config.samples,
    looks: config.looks,
    phases,
    familySize: config.familySize,
    detrend: config.detrend,
    statistic: config.statistic,
    cache
  })
}
