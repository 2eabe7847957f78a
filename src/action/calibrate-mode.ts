import * as core from '@actions/core'
import { Output, type RawInputs } from '../config/inputs'
import { actionCalibrationSubject, parseCalibrationConfig } from '../config/calibration-config'
import { workflowRunUrl } from '../core/run-url'
import { renderCalibration, renderCalibrationMarkdown } from '../report/calibration'
import { renderFailedMarkdown } from '../report/failed'
import { calibrateResults } from '../run/calibration-run'
import { StacksKept } from '../run/stacks-kept'
import type { ActionLog } from './log'
import { measureInAction } from './measure'
import { writeJobSummary } from './publish'

/**
 * `mode: calibrate` (README "Calibrate"): runs `baseline-version` or `baseline-command`
 * as both groups on this runner for every sample, and writes what the runner can
 * promise, with the inputs to paste, to the log, the job summary and the results file.
 * It compares nothing, so it never comments on a pull request nor fails on a verdict;
 * it fails when the measuring does, and is cancelled like `run`.
 */
export async function calibrateMode(raw: RawInputs, log: ActionLog): Promise<void> {
  const subject = actionCalibrationSubject(raw)
  const { config, thresholdText } = parseCalibrationConfig(raw, subject, process.env)
  await measureInAction(config, log, async outcome => {
    if (!outcome.finished) {
      const { error, partial } = outcome
      const runUrl = workflowRunUrl(process.env)
      await writeJobSummary(
        log.redact(
          renderFailedMarkdown({ benchmark: config.name, error, partial }, { runUrl, logs: true })
        ),
        log
      )
      throw error
    }
    const calibrated = await calibrateResults(config, outcome.results, thresholdText, log.redact)
    core.setOutput(Output.ResultsFile, config.resultsFile)
    for (const line of renderCalibration(calibrated.calibration, calibrated.benchmark).split(
      '\n'
    )) {
      log.info(line)
    }
    await writeJobSummary(
      log.redact(renderCalibrationMarkdown(calibrated.calibration, calibrated.benchmark)),
      log
    )
    if (outcome.kept.length > 0) throw new StacksKept(outcome.kept.join('\n'))
  })
}
