import { parseBisectConfig } from '../config/bisect-config'
import { BISECT_INPUTS, Input, type RawInputs } from '../config/inputs'
import { parseChoice } from '../config/parse'
import { BenchmarkError, InputError } from '../core/errors/errors'
import { configValues } from '../pulumi/stack/config-input'
import { workflowRunUrl } from '../core/run-url'
import { FORMATS } from '../run/answer'
import { runBisect } from '../run/bisect/bisect'
import { bisectAnswer } from '../run/bisect/bisect-answer'
import { RUN_FLAGS, parseFlags, type Subcommand } from './flags'
import { withCliHooks } from './run'

/** The comment's inputs: a bisect prints its report and writes its file, it comments on no pull request. */
const COMMENT_INPUTS: readonly Input[] = [
  Input.Comment,
  Input.CommentKey,
  Input.CommentLogs,
  Input.PullRequest
]

export const BISECT_FLAGS: readonly string[] = [
  ...BISECT_INPUTS,
  ...RUN_FLAGS.filter(input => !COMMENT_INPUTS.includes(input)),
  'format'
]

/**
 * `pulumi-perf-gate bisect` (docs/bisect.md): which release (or which of a list of CLIs)
 * made the program slower. Exit 1 when `bad` is confirmed slower than `good` (the
 * release located, or the range it could not split), 0 when not, 2 for bad input.
 */
export const bisectCommand: Subcommand = async (argv, io) => {
  const { values, positionals, help } = parseFlags(argv, BISECT_FLAGS)
  if (help) return 'help'
  if (positionals.length > 0) {
    throw new InputError(`bisect takes only --flags; unexpected ${JSON.stringify(positionals[0])}`)
  }
  const raw: RawInputs = values
  io.addSecrets(configValues(raw[Input.Config] ?? ''))
  const config = parseBisectConfig(raw, io.env)
  const format = parseChoice('--format', values.format ?? 'text', FORMATS)
  const { outcome, interrupted } = await withCliHooks(true, io, hooks => runBisect(config, hooks))
  // Bad input stays one line on stderr, exit 2.
  if (!outcome.finished && outcome.error instanceof InputError) throw outcome.error
  if (outcome.finished && !outcome.unwritten) io.stderr(`Results: ${config.run.resultsFile}\n`)
  if (!outcome.finished && outcome.results !== undefined) {
    io.stderr(`Results of the steps so far: ${config.run.resultsFile}\n`)
  }
  const answer = bisectAnswer(config, outcome, workflowRunUrl(io.env))
  const stoppedCleanup =
    outcome.finished && interrupted?.aborted
      ? new BenchmarkError('interrupted while tearing down; the bisect above stands')
      : undefined
  const error = answer.error ?? stoppedCleanup
  return { answer: error === undefined ? answer : { ...answer, error }, format }
}
