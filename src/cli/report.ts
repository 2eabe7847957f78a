import { Input } from '../config/inputs'
import { parseChoice } from '../config/parse'
import { parseDecision } from '../config/run-config'
import { InputError } from '../core/errors/errors'
import { workflowRunUrl } from '../core/run-url'
import { FORMATS } from '../run/answer'
import { reportAnswer } from '../run/report-answer'
import { parseFlags, type Subcommand } from './flags'

/** `pulumi-perf-gate report FILE|GLOB ...`: the action's report mode on the command line. */
export const reportCommand: Subcommand = async (argv, io) => {
  const { values, positionals, help } = parseFlags(argv, [
    'alpha',
    'threshold',
    'fail-on',
    'format'
  ])
  if (help) return 'help'
  if (positionals.length === 0) {
    throw new InputError('report takes one or more results files or globs')
  }
  const decision = parseDecision({
    [Input.Alpha]: values.alpha,
    [Input.Threshold]: values.threshold,
    [Input.FailOn]: values['fail-on']
  })
  const format = parseChoice('--format', values.format ?? 'text', FORMATS)
  const answer = await reportAnswer(positionals, decision, {
    warn: line => io.stderr(`warning: ${line}\n`),
    runUrl: workflowRunUrl(io.env)
  })
  return { answer, format }
}
