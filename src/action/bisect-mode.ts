import { existsSync } from 'node:fs'
import * as core from '@actions/core'
import { parseBisectConfig } from '../config/bisect-config'
import { Output, type RawInputs } from '../config/inputs'
import { parseReporting } from '../config/run-config'
import { workflowRunUrl } from '../core/run-url'
import type { BisectResults } from '../results/bisect'
import { bisectReport, bisectVerdict, bisectFails } from '../report/bisect-model'
import { renderBisectMarkdown } from '../report/bisect-markdown'
import { renderFailedMarkdown } from '../report/failed'
import { PLAIN_STYLE } from '../report/model'
import { latestStepLogDir, runBisect } from '../run/bisect'
import { StacksKept } from '../run/stacks-kept'
import { guardedRun } from './guarded-run'
import type { ActionLog } from './log'
import { publishReport } from './publish'

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
  const runUrl = workflowRunUrl(process.env)
  const logDir = () => latestStepLogDir(run.resultsFile)
  try {
    await guardedRun({ log, pulumi: true, logDir }, async ({ hooks, restoreFiles }) => {
      const outcome = await runBisect(config, hooks)
      restoreFiles()
      if (!outcome.finished) {
        const { error, results, partial } = outcome
        const render = (logs: boolean) =>
          results
            ? renderBisectMarkdown(results, { runUrl })
            : renderFailedMarkdown({ benchmark: run.name, error, partial }, { runUrl, logs })
        await publishReport({ render, verdict: 'failed', reporting, token, log })
        throw error
      }
      const { results, unwritten, kept } = outcome
      setBisectOutputs(results)
      const body = renderBisectMarkdown(results, { runUrl })
      const verdict = bisectVerdict(results)
      await publishReport({ render: () => body, verdict, reporting, token, log })
      const { headline } = bisectReport(results, PLAIN_STYLE)
      if (bisectFails(results, run.decision.failOn)) log.fail(headline)
      else log.info(headline)
      if (kept.length > 0) throw new StacksKept(kept.join('\n'))
      if (unwritten) throw unwritten
    })
  } finally {
    if (existsSync(run.resultsFile)) core.setOutput(Output.ResultsFile, run.resultsFile)
  }
}

/** `verdict` is bad's against good; `last-fast` and `first-slow` name what was located. */
function setBisectOutputs(results: BisectResults): void {
  const { end, versions } = results.bisect
  core.setOutput(Output.Verdict, bisectVerdict(results))
  const located = end !== undefined && end.kind !== 'not-confirmed'
  core.setOutput(Output.LastFast, located ? (versions[end.fast] ?? '') : '')
  core.setOutput(Output.FirstSlow, located ? (versions[end.slow] ?? '') : '')
}
