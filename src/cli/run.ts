import { Input, type RawInputs } from '../config/inputs'
import { parseChoice } from '../config/parse'
import { parseReporting, parseRunConfig } from '../config/run-config'
import { InputError } from '../core/errors'
import { workflowRunUrl } from '../core/run-url'
import type { ReportVerdict } from '../github/comment'
import { commentOnPullRequest } from '../github/publish'
import { renderFailedMarkdown } from '../report/failed'
import { renderMarkdown } from '../report/markdown'
import { runPipeline } from '../run/pipeline'
import { withSignalAbort } from '../run/signals'
import { FORMATS, RUN_FLAGS, parseFlags, type Subcommand } from './flags'
import { formatResults } from './output'

/** `pulumi-perf-gate run`: the action's `run` mode on the command line (SPEC §4). */
export const runCommand: Subcommand = async (argv, io) => {
  const { values, positionals, help } = parseFlags(argv, [...RUN_FLAGS, 'format'])
  if (help) return 'help'
  if (positionals.length > 0) {
    throw new InputError(`run takes only --flags; unexpected ${JSON.stringify(positionals[0])}`)
  }
  const raw: RawInputs = { ...values, [Input.Comment]: values[Input.Comment] ?? 'never' }
  const config = parseRunConfig(raw, io.env)
  const reporting = parseReporting(raw, io.env, config.name)
  const format = parseChoice('--format', values.format ?? 'text', FORMATS)
  const line = (text: string) => io.stderr(`${text}\n`)
  const outcome = await withSignalAbort(
    signal =>
      runPipeline(config, {
        progress: line,
        info: line,
        warn: text => line(`warning: ${text}`),
        redact: io.redact,
        signal,
        env: io.env
      }),
    signal => line(`Received ${signal}: stopping, cleaning up…`)
  )
  const runUrl = workflowRunUrl(io.env)
  const comment = (body: string, verdict: ReportVerdict) =>
    commentOnPullRequest({
      body: io.redact(body),
      verdict,
      reporting,
      token: io.env.GITHUB_TOKEN ?? '',
      env: io.env,
      info: line,
      warn: text => line(`warning: ${text}`)
    })
  if (!outcome.finished) {
    const { error, partial } = outcome
    await comment(
      renderFailedMarkdown({ benchmark: config.name, error, partial }, { runUrl }),
      'failed'
    )
    throw error
  }
  const { results, unwritten } = outcome
  if (!unwritten) line(`Results: ${config.resultsFile}`)
  await comment(renderMarkdown(results, { runUrl }), results.comparison.verdict)
  return {
    output: formatResults(results, format, runUrl),
    verdict: results.comparison.verdict,
    failOn: config.decision.failOn,
    error: unwritten
  }
}
