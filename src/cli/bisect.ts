import { parseBisectConfig } from '../config/bisect-config'
import { BISECT_INPUTS, Input, type RawInputs } from '../config/inputs'
import { parseChoice } from '../config/parse'
import { BenchmarkError, InputError } from '../core/errors'
import { configValues } from '../pulumi/config-input'
import type { BisectResults } from '../results/bisect'
import { bisectVerdict } from '../report/bisect-model'
import { renderBisectMarkdown } from '../report/bisect-markdown'
import { renderBisectText } from '../report/bisect-text'
import { runBisect } from '../run/bisect'
import { StacksKept } from '../run/stacks-kept'
import { FORMATS, RUN_FLAGS, parseFlags, type Format, type Subcommand } from './flags'
import { jsonText } from './output'
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
  const failOn = config.run.decision.failOn
  if (!outcome.finished) {
    const { error, results } = outcome
    if (results === undefined || error instanceof InputError) throw error
    io.stderr(`Results of the steps so far: ${config.run.resultsFile}\n`)
    const failure = error instanceof Error ? error : new BenchmarkError(String(error))
    return {
      output: formatBisect(results, format),
      verdict: 'inconclusive',
      failOn,
      error: failure
    }
  }
  const { results, unwritten, kept } = outcome
  if (!unwritten) io.stderr(`Results: ${config.run.resultsFile}\n`)
  return {
    output: formatBisect(results, format),
    verdict: bisectVerdict(results),
    failOn,
    error:
      kept.length > 0
        ? new StacksKept(kept.join('\n'))
        : (unwritten ??
          (interrupted?.aborted
            ? new BenchmarkError('interrupted while tearing down; the bisect above stands')
            : undefined))
  }
}

function formatBisect(results: BisectResults, format: Format): string {
  if (format === 'json') return jsonText(results)
  if (format === 'markdown') return renderBisectMarkdown(results)
  return `${renderBisectText(results)}\n`
}
