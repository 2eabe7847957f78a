import type { Calibration, PhaseCalibration } from '../results/calibration'

const percent = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`
const caught = (x: number | null) => (x === null ? 'more than 4×' : `+${percent(x)}`)

/**
 * What `calibrate` found, in one wording for every format (docs/cli.md "Calibrate"): per
 * phase the runner's noise, the gate's reach at the default samples, the samples the
 * threshold needs and the statistic that fits; then the inputs to paste.
 */
export interface CalibrationFacts {
  phases: { heading: string; lines: string[] }[]
  paste: string[]
}

export function calibrationFacts(calibration: Calibration): CalibrationFacts {
  const phases = Object.entries(calibration.phases).map(([phase, found]) => ({
    heading: `${phase} (${found.samples} samples, mean ${found.mean.toPrecision(4)} s)`,
    lines: phaseLines(found, calibration)
  }))
  const { inputs } = calibration
  return {
    phases,
    paste: [
      `threshold: ${inputs.threshold}`,
      `samples: ${inputs.samples}`,
      `statistic: ${inputs.statistic}`
    ]
  }
}

export const calibrationTitle = (benchmark: string) =>
  `Calibration of ${benchmark}: the same thing as both groups, interleaved`

function phaseLines(found: PhaseCalibration, calibration: Calibration): string[] {
  const shape = [
    `CV ${percent(found.cv, 2)}`,
    `skew ${found.skew.toFixed(2)}`,
    `spikes ${percent(found.outliers)} of samples`,
    `${found.clustered ? 'clustered' : 'one mode'} (bimodality ${found.bimodality.toFixed(2)})`,
    `drift ${found.drift >= 0 ? '+' : ''}${percent(found.drift)} over the run`,
    `lag-1 autocorrelation ${found.autocorrelation.toFixed(2)}`
  ]
  return [
    `noise: ${shape.join(', ')}`,
    `at samples ${calibration.samples} (threshold ${percent(calibration.threshold, 0)}, statistic ${found.statistic}): a slowdown of ${caught(found.caught80)} is caught in 80% of runs, ${caught(found.caught95)} in 95%`,
    `to catch +${percent(2 * calibration.threshold, 0)} (twice the threshold) in 80% of runs: about ${found.samplesNeeded} samples per group`,
    `statistic: ${found.statistic}${reason(found)}`
  ]
}

function reason(found: PhaseCalibration): string {
  if (found.statistic === 'trimmed') return ' (spikes are common and the timings have one mode)'
  if (found.clustered) return ' (clustered timings: trimming would change the mix of modes)'
  return ''
}
