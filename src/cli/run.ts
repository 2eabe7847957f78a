import { Input, type RawInputs } from '../config/inputs'
import { parseChoice } from '../config/parse'
import { parseReporting, parseRunConfig } from '../config/run-config'
import { InputError } from '../core/errors'
import { workflowRunUrl } from '../core/run-url'
import { commentOnPullRequest } from '../github/publish'
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
  const results = await withSignalAbort(
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
  line(`Results: ${config.resultsFile}`)
  const runUrl = workflowRunUrl(io.env)
  await commentOnPullRequest({
    body: io.redact(renderMarkdown(results, { runUrl })),
    verdict: results.comparison.verdict,
    reporting,
    token: io.env.GITHUB_TOKEN ?? '',
    env: io.env,
    info: line,
    warn: text => line(`warning: ${text}`)
  })
  return {
    output: formatResults(results, format, runUrl),
    verdict: results.comparison.verdict,
    failOn: config.decision.failOn
  }
}
