import type { RunConfig } from '../config/run-config'
import { renderCalibrationMarkdown } from '../export/markdown/calibration-markdown'
import { renderCalibration } from '../export/text/calibration-text'
import { jsonText } from '../export/json/json-text'
import type { Redact } from '../core/redact'
import { calibrate, type Calibration } from '../results/calibration'
import type { ResultsFile } from '../results/schema'
import { writeResults } from '../results/build/write'
import type { Answer } from './answer'

/** A calibration run's results file: a run's, with what it found, so `compare` reads it. */
export type CalibratedResults = ResultsFile & { calibration: Calibration }

/**
 * The end of `calibrate` for both front ends: what the A/A run's samples say this
 * runner can promise, added to its results file and written again.
 */
export async function calibrateResults(
  config: RunConfig,
  results: ResultsFile,
  thresholdText: string,
  redact: Redact
): Promise<CalibratedResults> {
  const calibration = calibrate(results, {
    alpha: config.decision.alpha,
    threshold: config.decision.threshold,
    thresholdText
  })
  const calibrated = { ...results, calibration }
  await writeResults(config.resultsFile, calibrated, redact)
  return calibrated
}

/**
 * What `calibrate` says, in every format: the runner's noise and the inputs to paste.
 * It compares nothing, so it has no verdict to fail on.
 */
export function calibrationAnswer(calibrated: CalibratedResults): Answer {
  const { calibration, benchmark } = calibrated
  return {
    verdict: 'unchanged',
    fails: false,
    render: format => {
      if (format === 'json') return jsonText(calibrated)
      if (format === 'markdown') return `${renderCalibrationMarkdown(calibration, benchmark)}\n`
      return `${renderCalibration(calibration, benchmark)}\n`
    },
    outputs: {}
  }
}
