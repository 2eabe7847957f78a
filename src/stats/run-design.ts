import { prepareCalibration, type AlphaStarCache } from './design/calibrate'
import { runCalibrations, type Design } from './design/design'
import { planPhases, phasesRunPlan, type PhasesPlan } from './phases'
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
  return planPhases({ ...phasesPlan(config, phases), cache })
}

/**
 * `planRunDesign`, computing the α* nobody knows in turns (`turn` awaited between chunks
 * of the simulation), so that its seconds never hold the event loop: a Ctrl-C is handled
 * at once, and a `turn` that throws stops the computation there.
 */
export async function planRunDesignInTurns(
  config: RunDesign,
  phases: number,
  cache: AlphaStarCache | undefined,
  turn: () => Promise<void>
): Promise<Design> {
  for (const request of runCalibrations(phasesRunPlan(phasesPlan(config, phases)))) {
    await prepareCalibration(request, cache, turn)
  }
  return planRunDesign(config, phases, cache)
}

function phasesPlan(config: RunDesign, phases: number): PhasesPlan {
  return {
    alpha: config.decision.alpha,
    samples: config.samples,
    looks: config.looks,
    phases,
    familySize: config.familySize,
    detrend: config.detrend,
    statistic: config.statistic
  }
}
