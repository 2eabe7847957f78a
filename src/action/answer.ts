import * as core from '@actions/core'
import type { CommentSettings } from '../github/publish'
import type { Answer } from '../run/answer'
import type { ActionLog } from './log'
import { publishReport } from './publish'

/**
 * Publishes an answer as every action mode does: its outputs first (they always
 * describe the report published), then the report in the job summary and the sticky
 * comment, then its headline in the log and its failure (announce).
 */
export async function publishAnswer(
  answer: Answer,
  options: { reporting: CommentSettings; token: string; log: ActionLog }
): Promise<void> {
  setOutputs(answer.outputs)
  await publishReport({
    render: logs => answer.render('markdown', logs) ?? '',
    verdict: answer.verdict,
    ...options
  })
  announce(answer, options.log)
}

function setOutputs(outputs: Answer['outputs']): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
}

/**
 * The answer's headline in the log on every run (SPEC §3), as the step's error when the
 * check fails; then what fails the step beside it (thrown, for the main step to report).
 */
export function announce(answer: Answer, log: ActionLog): void {
  if (answer.headline !== undefined) {
    if (answer.fails) log.fail(answer.headline)
    else log.info(answer.headline)
  }
  if (answer.error) throw answer.error
}
