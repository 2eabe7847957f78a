import type { Calibration } from '../../results/calibration'
import { codeBlock, escapeMarkdown } from '../../report/format/escape'
import { calibrationFacts, calibrationTitle } from '../../report/calibration-model'

/** The job summary's calibration report (the action's `mode: calibrate`). */
export function renderCalibrationMarkdown(calibration: Calibration, benchmark: string): string {
  const facts = calibrationFacts(calibration)
  const lines = [`## ${escapeMarkdown(calibrationTitle(benchmark))}`, '']
  for (const phase of facts.phases) {
    lines.push(`### ${escapeMarkdown(phase.heading)}`, '')
    lines.push(...phase.lines.map(line => `- ${escapeMarkdown(line)}`), '')
  }
  lines.push('Inputs to paste into the gate:', '', codeBlock(facts.paste.join('\n'), 'yaml'))
  return lines.join('\n')
}
