import type { Calibration, PhaseCalibration } from '../results/calibration'
import { plainText } from './escape'

const percent = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`
const caught = (x: number | null) => (x === null ? 'more than 4×' : `+${percent(x)}`)

/** What `calibrate` prints (docs/cli.md "Calibrate"): the runner's noise, its reach, the inputs. */
export function renderCalibration(calibration: Calibration, benchmark: string): string {
  const lines = [
    `Calibration of ${plainText(benchmark)}: the same thing as both groups, interleaved`,
    ''
  ]
  for (const [phase, found] of Object.entries(calibration.phases)) {
    lines.push(
      `${plainText(phase)} (${found.samples} samples, mean ${found.mean.toPrecision(4)} s)`
    )
    lines.push(...phaseLines(found, calibration))
    lines.push('')
  }
  const { inputs } = calibration
  lines.push(
    'Inputs to paste:',
    `  threshold: ${inputs.threshold}`,
    `  samples: ${inputs.samples}`,
    `  statistic: ${inputs.statistic}`
  )
  return lines.join('\n')
}

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
    `  noise: ${shape.join(', ')}`,
    `  at samples ${calibration.samples} (threshold ${percent(calibration.threshold, 0)}, statistic ${found.statistic}): a slowdown of ${caught(found.caught80)} is caught in 80% of runs, ${caught(found.caught95)} in 95%`,
    `  to catch +${percent(2 * calibration.threshold, 0)} (twice the threshold) in 80% of runs: about ${found.samplesNeeded} samples per group`,
    `  statistic: ${found.statistic}${reason(found)}`
  ]
}

function reason(found: PhaseCalibration): string {
  if (found.statistic === 'trimmed') return ' (spikes are common and the timings have one mode)'
  if (found.clustered) return ' (clustered timings: trimming would change the mix of modes)'
  return ''
}
