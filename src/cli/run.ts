import { Input, type RawInputs } from '../config/inputs'
import { parseChoice } from '../config/parse'
import { parseReporting, parseRunConfig, type RunConfig } from '../config/run-config'
import { BenchmarkError, InputError } from '../core/errors/errors'
import { workflowRunUrl } from '../core/run-url'
import type { FrontEndTerms } from '../github/comment'
import { commentOnPullRequest } from '../github/publish'
import { configValues } from '../pulumi/stack/config-input'
import { FORMATS, runAnswer } from '../run/answer'
import { runPipeline, type RunHooks, type RunOutcome } from '../run/pipeline/pipeline'
import { withInterrupts } from '../run/pipeline/signals'
import { RUN_FLAGS, parseFlags, type Subcommand } from './flags'

/** The command line's token is GITHUB_TOKEN and its report is what it prints. */
const CLI_TERMS: FrontEndTerms = {
  token: 'GITHUB_TOKEN',
  reportIsIn: "this command's output and its results file"
}

/** `pulumi-perf-gate run`: the action's `run` mode on the command line (docs/cli.md). */
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
  const answer = runAnswer(config, outcome, workflowRunUrl(io.env))
  if (outcome.finished && !outcome.unwritten) line(`Results: ${config.resultsFile}`)
  await commentOnPullRequest({
    body: io.redact(answer.render('markdown', reporting.logs) ?? ''),
    verdict: answer.verdict,
    reporting,
    token: io.env.GITHUB_TOKEN ?? '',
    terms: CLI_TERMS,
    env: io.env,
    info: line,
    warn: text => line(`warning: ${text}`)
  })
  // Bad input found while setting up stays one line on stderr, exit 2.
  if (!outcome.finished && outcome.error instanceof InputError) throw outcome.error
  // A Ctrl-C after the samples stopped the cleanup (its warnings say what): that fails
  // the run, whatever the verdict.
  const stoppedCleanup =
    outcome.finished && interrupted?.aborted
      ? new BenchmarkError(
          `interrupted after the samples, while tearing down (${String((interrupted.reason as Error).message)}); the verdict above stands`
        )
      : undefined
  const error = answer.error ?? stoppedCleanup
  return { answer: error === undefined ? answer : { ...answer, error }, format }
}

/**
 * The run's pipeline with progress on stderr and Ctrl-C (SIGTERM, SIGHUP) handled
 * (docs/cancellation.md); `interrupted` tells whether a first Ctrl-C came.
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

/** What a Ctrl-C, SIGTERM or SIGHUP does now (docs/cancellation.md). */
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
