import { BenchmarkError, InputError, describeError } from '../core/errors/errors'
import { inertWorkflowCommands } from '../core/workflow-commands'
import { stepSecrets } from '../report/format/redact'
import type { Subcommand } from './flags'
import { USAGE } from './help'

export interface CliIO {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
}

// Loaded on demand: `--help` and `compare` start without the GitHub client,
// the tool cache and the measurement engine.
const COMMANDS: Record<string, () => Promise<Subcommand>> = {
  run: async () => (await import('./run')).runCommand,
  compare: async () => (await import('./compare')).compareCommand,
  report: async () => (await import('./report')).reportCommand,
  calibrate: async () => (await import('./calibrate')).calibrateCommand,
  bisect: async () => (await import('./bisect')).bisectCommand
}

/** The command line; returns the exit status (0 pass, 1 fail, 2 bad usage or input). */
export async function runCli(
  argv: readonly string[],
  given: CliIO,
  version: string
): Promise<number> {
  const [name, ...rest] = argv
  // Nothing the command line prints or writes holds a secret it knows (docs/security.md).
  const secrets = stepSecrets(given.env, given.env.GITHUB_TOKEN)
  // On a runner, nothing printed is read as a workflow command: names and log lines
  // come from results files and commands (docs/security.md).
  const shown =
    given.env.GITHUB_ACTIONS === 'true'
      ? (text: string) => inertWorkflowCommands(secrets.redact(text))
      : secrets.redact
  const io = {
    stdout: (text: string) => given.stdout(shown(text)),
    stderr: (text: string) => given.stderr(shown(text)),
    env: given.env,
    redact: secrets.redact,
    addSecrets: secrets.add
  }
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.stdout(`${USAGE}\n`)
      return name === undefined ? 2 : 0
    }
    if (name === '--version') {
      io.stdout(`${version}\n`)
      return 0
    }
    const load = COMMANDS[name]
    if (load === undefined) {
      throw new InputError(
        `unknown command ${JSON.stringify(name)}; expected run, compare, report, calibrate or bisect (see --help)`
      )
    }
    const outcome = await (await load())(rest, io)
    if (outcome === 'help') {
      io.stdout(`${USAGE}\n`)
      return 0
    }
    const { answer, format } = outcome
    io.stdout(answer.render(format) ?? '')
    // A failure beside the report (no verdict, kept stacks, an unwritten file): exit 1.
    if (answer.error) throw answer.error
    return answer.fails ? 1 : 0
  } catch (error) {
    io.stderr(`pulumi-perf-gate: ${describeError(error)}\n`)
    if (error instanceof InputError) return 2
    if (error instanceof BenchmarkError) return 1
    // Anything else is our bug: keep the stack for the report.
    io.stderr(`${(error as Error).stack ?? ''}\n`)
    return 1
  }
}
