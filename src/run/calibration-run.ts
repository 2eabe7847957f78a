import type { RunConfig } from '../config/run-config'
import type { Redact } from '../core/redact'
import { calibrate, type Calibration } from '../results/calibration'
import type { ResultsFile } from '../results/schema'
import { writeResults } from '../results/write'

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
