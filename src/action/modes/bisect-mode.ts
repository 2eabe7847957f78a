import { existsSync } from 'node:fs'
import * as core from '@actions/core'
import { parseBisectConfig } from '../../config/bisect-config'
import { Output, type RawInputs } from '../../config/inputs'
import { parseReporting } from '../../config/run-config'
import { workflowRunUrl } from '../../core/run-url'
import { latestStepLogDir, runBisect } from '../../run/bisect/bisect'
import { bisectAnswer } from '../../run/bisect/bisect-answer'
import { publishAnswer } from '../answer'
import { guardedRun } from '../guarded-run'
import type { ActionLog } from '../log'

/**
 * `mode: bisect` (docs/bisect.md), for a `workflow_dispatch` workflow: which release made
 * the program slower. The report goes to the job summary (and the comment, when a pull
 * request is given); the step fails when `bad` is slower than `good`. Cancelled, the
 * step that runs is left to the post step as in `run` mode.
 */
export async function bisectMode(raw: RawInputs, token: string, log: ActionLog): Promise<void> {
  const config = parseBisectConfig(raw, process.env)
  const { run } = config
  const reporting = parseReporting(raw, process.env, run.name)
  const logDir = () => latestStepLogDir(run.resultsFile)
  try {
    await guardedRun({ log, pulumi: true, logDir }, async ({ hooks, restoreFiles }) => {
      const outcome = await runBisect(config, hooks)
      restoreFiles()
      const answer = bisectAnswer(config, outcome, workflowRunUrl(process.env))
      await publishAnswer(answer, { reporting, token, log })
    })
  } finally {
    if (existsSync(run.resultsFile)) core.setOutput(Output.ResultsFile, run.resultsFile)
  }
}
