import * as core from '@actions/core'
import { Output, type RawInputs } from '../../config/inputs'
import { actionCalibrationSubject, parseCalibrationConfig } from '../../config/calibration-config'
import { workflowRunUrl } from '../../core/run-url'
import { failedAnswer } from '../../run/answer'
import { calibrateResults, calibrationAnswer } from '../../run/calibration-run'
import { StacksKept } from '../../teardown/teardown'
import { announce } from '../answer'
import type { ActionLog } from '../log'
import { measureInAction } from '../guarded-run'
import { writeJobSummary } from '../publish'

/**
 * `mode: calibrate` (docs/cli.md "Calibrate"): runs `baseline-version` or `baseline-command`
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
      const failed = failedAnswer(
        { benchmark: config.name, error, partial },
        { runUrl: workflowRunUrl(process.env) }
      )
      await writeJobSummary(log.redact(failed.render('markdown') ?? ''), log)
      announce(failed, log)
      return
    }
    const calibrated = await calibrateResults(config, outcome.results, thresholdText, log.redact)
    core.setOutput(Output.ResultsFile, config.resultsFile)
    const answer = calibrationAnswer(calibrated)
    for (const line of (answer.render('text') ?? '').trimEnd().split('\n')) log.info(line)
    await writeJobSummary(log.redact(answer.render('markdown') ?? ''), log)
    if (outcome.kept.length > 0) throw new StacksKept(outcome.kept.join('\n'))
  })
}
