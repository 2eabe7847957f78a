import type { Calibration } from '../../results/calibration'
import { plainText } from '../../report/format/escape'
import { calibrationFacts, calibrationTitle } from '../../report/calibration-model'

/** The terminal's calibration report. */
export function renderCalibration(calibration: Calibration, benchmark: string): string {
  const facts = calibrationFacts(calibration)
  const lines = [plainText(calibrationTitle(benchmark)), '']
  for (const phase of facts.phases) {
    lines.push(plainText(phase.heading), ...phase.lines.map(line => `  ${line}`), '')
  }
  lines.push('Inputs to paste:', ...facts.paste.map(line => `  ${line}`))
  return lines.join('\n')
}
