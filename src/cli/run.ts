import { Input, type RawInputs } from '../config/inputs'
import { parseChoice } from '../config/parse'
import { parseReporting, parseRunConfig, type RunConfig } from '../config/run-config'
import { BenchmarkError, InputError } from '../core/errors'
import { workflowRunUrl } from '../core/run-url'
import type { FrontEndTerms, ReportVerdict } from '../github/comment'
import { commentOnPullRequest } from '../github/publish'
import { renderFailedMarkdown } from '../report/failed'
import { renderMarkdown } from '../report/markdown'
import { stepVerdict } from '../results/phases'
import { configValues } from '../pulumi/config-input'
import { runPipeline, type RunHooks, type RunOutcome } from '../run/pipeline'
import { withInterrupts } from '../run/signals'
import { StacksKept } from '../run/stacks-kept'
import { FORMATS, RUN_FLAGS, parseFlags, type Subcommand } from './flags'
import { formatFailure, formatResults } from './output'

/** The command line's token is GITHUB_TOKEN and its report is what it prints. */
const CLI_TERMS: FrontEndTerms = {
  token: 'GITHUB_TOKEN',
  reportIsIn: "this command's output and its results file"
}

/** `pulumi-perf-gate run`: the action's `run` mode on the command line (README "Command line"). */
export const runCommand: Subcommand = async (argv, io) => {
  const { values, positionals, help } = parseFlags(argv, [...RUN_FLAGS, 'format'])
  if (help) return 'help'
  if (positionals.length > 0) {
    throw new InputError(`run takes only --flags; unexpected ${JSON.stringify(positionals[0])}`)
  }
  const raw: RawInputs = { ...values, [Input.Comment]: values[Input.Comment] ?? 'never' }
  io.addSecrets(configValues(raw[Input.Config] ?? ''))
  const config = parseRunConfig(raw, io.env)
  const reporting = parseReporting(raw, io.env, config.name)
  const format = parseChoice('--format', values.format ?? 'text', FORMATS)
  const line = (text: string) => io.stderr(`${text}\n`)
  const { outcome, interrupted } = await measure(config, io)
  const runUrl = workflowRunUrl(io.env)
  const comment = (body: string, verdict: ReportVerdict) =>
    commentOnPullRequest({
      body: io.redact(body),
      verdict,
      reporting,
      token: io.env.GITHUB_TOKEN ?? '',
      terms: CLI_TERMS,
      env: io.env,
      info: line,
      warn: text => line(`warning: ${text}`)
    })
  if (!outcome.finished) {
    const { error, partial } = outcome
    await comment(
      renderFailedMarkdown(
        { benchmark: config.name, error, partial },
        { runUrl, logs: reporting.logs }
      ),
      'failed'
    )
    // Every format prints the failure's report: JSON the results file of a run that did not
    // finish, text and markdown what failed and the samples so far.
    const output =
      error instanceof InputError
        ? null // bad input stays one line on stderr
        : formatFailure({ benchmark: config.name, error, partial }, format, runUrl)
    if (output === null) throw error
    const failure = error instanceof Error ? error : new BenchmarkError(String(error))
    // The error, not the verdict, decides the exit status (runCli).
    return { output, verdict: 'inconclusive', failOn: config.decision.failOn, error: failure }
  }
  const { results, unwritten, kept } = outcome
  if (!unwritten) line(`Results: ${config.resultsFile}`)
  const verdict = stepVerdict(results)
  await comment(renderMarkdown(results, { runUrl }), verdict)
  return {
    output: formatResults(results, format, runUrl),
    verdict,
    failOn: config.decision.failOn,
    // Stacks that had to be kept fail the run whatever the verdict; so does a Ctrl-C
    // after the samples: what it stopped (the cleanup) is in the warnings.
    error:
      kept.length > 0
        ? new StacksKept(kept.join('\n'))
        : (unwritten ??
          (interrupted?.aborted
            ? new BenchmarkError(
                `interrupted after the samples, while tearing down (${String((interrupted.reason as Error).message)}); the verdict above stands`
              )
            : undefined))
  }
}

/**
 * The run's pipeline with progress on stderr and Ctrl-C (SIGTERM, SIGHUP) handled (README "Cancellation
 * and leftovers"); `interrupted` tells whether a first Ctrl-C came.
 */
export function measure(
  config: RunConfig,
  io: Parameters<Subcommand>[1]
): Promise<{ outcome: RunOutcome; interrupted: AbortSignal | undefined }> {
  return withCliHooks(config.target.kind === 'pulumi', io, hooks => runPipeline(config, hooks))
}

/**
 * Runs `start` with the command line's hooks: progress on stderr, and Ctrl-C (SIGTERM,
 * SIGHUP) handled, the first stopping the measuring, a second the teardown.
 */
export async function withCliHooks<T>(
  pulumi: boolean,
  io: Parameters<Subcommand>[1],
  start: (hooks: RunHooks) => Promise<T>
): Promise<{ outcome: T; interrupted: AbortSignal | undefined }> {
  const line = (text: string) => io.stderr(`${text}\n`)
  let interrupted: AbortSignal | undefined
  const outcome = await withInterrupts(
    interrupts => {
      interrupted = interrupts.first
      return start({
        progress: line,
        info: line,
        warn: text => line(`warning: ${text}`),
        redact: io.redact,
        signal: interrupts.first,
        teardownSignal: interrupts.second,
        env: io.env
      })
    },
    {
      forward: 'every',
      onSignal: (signal, count) => line(interruptMessage(signal, count, pulumi))
    }
  )
  return { outcome, interrupted }
}

/** What a Ctrl-C, SIGTERM or SIGHUP does now (README "Cancellation and leftovers"). */
function interruptMessage(signal: NodeJS.Signals, count: number, pulumi: boolean): string {
  if (count === 1) {
    return pulumi
      ? `Received ${signal}: stopping; the running command finishes what it started, then the stacks are destroyed (a second Ctrl-C stops it at once and keeps the stacks)`
      : `Received ${signal}: stopping; the running command gets a moment to end, then the results so far are written and the cleanup runs (a second Ctrl-C skips the cleanup)`
  }
  return pulumi
    ? `Received ${signal} again: stopping at once; stacks not yet removed are kept and their state written beside the results`
    : `Received ${signal} again: stopping at once; the cleanup is skipped`
}
