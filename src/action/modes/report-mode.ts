import { Input, type RawInputs } from '../../config/inputs'
import { inputValue, parseDecision, parseReporting } from '../../config/run-config'
import { InputError } from '../../core/errors/errors'
import { workflowRunUrl } from '../../core/run-url'
import { reportAnswer } from '../../run/report-answer'
import { publishAnswer } from '../answer'
import type { ActionLog } from '../log'

/**
 * `mode: report`: join results files made earlier into one comment and summary. Files
 * of runs that did not finish are named in it and fail the step.
 */
export async function reportMode(raw: RawInputs, token: string, log: ActionLog): Promise<void> {
  const patterns = (inputValue(raw, Input.Results) ?? '')
    .split('\n')
    .map(line => line.trim())
    .filter(Boolean)
  if (patterns.length === 0) {
    throw new InputError(
      `${Input.Results} is required in report mode: files or globs of results files`
    )
  }
  const decision = parseDecision(raw)
  const reporting = parseReporting(raw, process.env, 'report')
  const answer = await reportAnswer(patterns, decision, {
    warn: log.warn,
    runUrl: workflowRunUrl(process.env)
  })
  // Rendered before any output is set, so the outputs always describe a published report.
  const body = answer.render('markdown') ?? ''
  await publishAnswer({ ...answer, render: () => body }, { reporting, token, log })
}
