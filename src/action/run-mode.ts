import * as core from '@actions/core'
import { Output, State, type RawInputs } from '../config/inputs'
import { parseReporting, parseRunConfig } from '../config/run-config'
import { workflowRunUrl } from '../core/run-url'
import { renderFailedMarkdown } from '../report/failed'
import { headline, renderMarkdown } from '../report/markdown'
import type { ResultsFile } from '../results/schema'
import { runPipeline } from '../run/pipeline'
import { withSignalAbort } from '../run/signals'
import { failsCheck } from '../stats/verdict'
import type { ActionLog } from './log'
import { publishReport } from './publish'

/**
 * `mode: run`: measure, analyse, write the results, report, and fail on a regression.
 * A run that fails still reports, so no earlier verdict stays on the pull request.
 */
export async function runMode(raw: RawInputs, token: string, log: ActionLog): Promise<void> {
  const config = parseRunConfig(raw, process.env)
  const reporting = parseReporting(raw, process.env, config.name)
  core.setOutput(Output.ResultsFile, config.resultsFile)
  const outcome = await withSignalAbort(
    signal =>
      runPipeline(config, {
        progress: log.info,
        info: log.info,
        warn: log.warn,
        redact: log.redact,
        saveStacks: serialized => core.saveState(State.Stacks, serialized),
        signal,
        env: process.env
      }),
    signal => log.warn(`Received ${signal}: stopping the benchmark and cleaning up`)
  )
  const runUrl = workflowRunUrl(process.env)
  if (!outcome.finished) {
    const { error, partial } = outcome
    const body = renderFailedMarkdown({ benchmark: config.name, error, partial }, { runUrl })
    await publishReport({ body, verdict: 'failed', reporting, token, log })
    throw error
  }
  const { results, unwritten } = outcome
  setResultOutputs(results)
  await publishReport({
    body: renderMarkdown(results, { runUrl }),
    verdict: results.comparison.verdict,
    reporting,
    token,
    log
  })
  if (failsCheck(results.comparison.verdict, config.decision.failOn)) log.fail(headline(results))
  if (unwritten) throw unwritten
}

function setResultOutputs(results: ResultsFile): void {
  const { comparison } = results
  const mean = (group: string) =>
    results.results.find(result => result.parameters.group === group)?.mean ?? ''
  core.setOutput(Output.Verdict, comparison.verdict)
  core.setOutput(Output.Ratio, comparison.ratio.value)
  core.setOutput(Output.PValue, comparison.welch.pRegression)
  core.setOutput(Output.BaselineMean, mean(comparison.baseline))
  core.setOutput(Output.CandidateMean, mean(comparison.candidate))
  core.setOutput(Output.Samples, comparison.samples)
}
