import * as core from '@actions/core'
import { Input, Output, type RawInputs } from '../config/inputs'
import { inputValue, parseDecision, parseReporting } from '../config/run-config'
import { InputError } from '../core/errors'
import { workflowRunUrl } from '../core/run-url'
import { joinedHeadline, overallVerdict, renderMultiMarkdown } from '../report/multi'
import { renderUnfinishedMarkdown, unfinishedFailure } from '../report/unfinished'
import { joinResults } from '../run/join-results'
import { keepOwnRunLinks } from '../run/report-links'
import { failsCheck } from '../stats/verdict'
import type { ActionLog } from './log'
import { publishReport } from './publish'

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
  const { items, unfinished } = await joinResults(patterns, { ...decision, warn: log.warn })
  const runUrl = workflowRunUrl(process.env)
  const total = items.length + unfinished.length
  if (items.length === 0) {
    const body = renderUnfinishedMarkdown(unfinished, { runUrl })
    await publishReport({ render: () => body, verdict: 'failed', reporting, token, log })
    throw unfinishedFailure(unfinished, total)
  }
  keepOwnRunLinks(items, runUrl)
  // Rendered before any output is set, so the outputs always describe a published report.
  const body = renderMultiMarkdown(items, { runUrl, unfinished })
  const verdict = overallVerdict(items)
  core.setOutput(Output.Verdict, verdict)
  // Report mode's rows are benchmarks (and their phases), not one run's phases.
  core.setOutput(Output.Verdicts, '{}')
  if (items.length === 1) {
    const { comparison } = items[0]!.results
    core.setOutput(Output.Ratio, comparison.ratio.value)
    core.setOutput(Output.PValue, items[0]!.pAdjusted)
    core.setOutput(Output.Samples, comparison.samples)
  }
  const shown = joinedHeadline({ items, unfinished })
  await publishReport({ render: () => body, verdict: shown.verdict, reporting, token, log })
  // The headline in the log on every run (SPEC §3), as the step's error when it fails.
  if (failsCheck(verdict, decision.failOn)) log.fail(shown.headline)
  else log.info(shown.headline)
  if (unfinished.length > 0) throw unfinishedFailure(unfinished, total)
}
