import { planRun } from '../stats/design/design'
import { noiseProfile, type NoiseProfile } from '../stats/describe/noise'
import { fittingStatistic, samplesForThreshold, smallestCaught } from '../stats/power/reach'
import type { Statistic } from '../stats/tests/test-kind'
import type { ResultsFile } from './schema'

/** What `calibrate` found a runner can promise (docs/cli.md), kept in the results file. */
export interface Calibration {
  threshold: number
  alpha: number
  /** The samples per group the reach below is for: the action's default. */
  samples: number
  phases: Record<string, PhaseCalibration>
  /** What to paste into the workflow. */
  inputs: { threshold: string; samples: number; statistic: Statistic }
}

export interface PhaseCalibration extends NoiseProfile {
  statistic: Statistic
  /** Smallest slowdown flagged in 80% and 95% of runs at `samples`; null beyond 4×. */
  caught80: number | null
  caught95: number | null
  /** About the samples per group that flag a slowdown of twice the threshold in 80% of runs. */
  samplesNeeded: number
}

/** `samples` and `looks` of a run of the action as it is by default. */
const DEFAULT_RUN = { samples: 20, looks: 10 }
/** Never suggest fewer: `unchanged` is not concluded before 6 samples per group. */
const FEWEST_SUGGESTED = 6

/**
 * The calibration of an A/A run's results: each phase's noise, the slowdowns the
 * default design catches on it, the samples the threshold needs, and the inputs that
 * follow. `threshold` is the user's, as they wrote it, for pasting back.
 */
export function calibrate(
  results: ResultsFile,
  settings: { alpha: number; threshold: number; thresholdText: string }
): Calibration {
  const phases: Record<string, PhaseCalibration> = {}
  for (const [phase, times] of Object.entries(phaseTimes(results))) {
    const profile = noiseProfile(times.baseline, times.candidate)
    const statistic = fittingStatistic(profile)
    const design = planRun({ alpha: settings.alpha, ...DEFAULT_RUN, statistic })
    const pool = [...times.baseline, ...times.candidate]
    const reach = (power: number) =>
      smallestCaught(pool, { design, alpha: settings.alpha, threshold: settings.threshold, power })
    phases[phase] = {
      ...profile,
      statistic,
      caught80: reach(0.8),
      caught95: reach(0.95),
      samplesNeeded: samplesForThreshold(profile.cv, settings.threshold, design)
    }
  }
  const all = Object.values(phases)
  return {
    threshold: settings.threshold,
    alpha: settings.alpha,
    samples: DEFAULT_RUN.samples,
    phases,
    inputs: {
      threshold: settings.thresholdText,
      samples: Math.max(FEWEST_SUGGESTED, ...all.map(phase => phase.samplesNeeded)),
      statistic: all.every(phase => phase.statistic === 'trimmed') ? 'trimmed' : 'mean'
    }
  }
}

/** Each phase's (generic mode: the one comparison's, named `command`) times of both groups. */
function phaseTimes(
  results: ResultsFile
): Record<string, { baseline: number[]; candidate: number[] }> {
  const phases: Record<string, { baseline: number[]; candidate: number[] }> = {}
  for (const result of results.results) {
    const phase = result.parameters.phase ?? 'command'
    phases[phase] ??= { baseline: [], candidate: [] }
    const group = result.parameters.group === 'baseline' ? 'baseline' : 'candidate'
    phases[phase][group].push(...result.times.filter(Number.isFinite))
  }
  return phases
}
