import { BenchmarkError, InputError, describeError } from '../errors'
import { failsCheck } from '../stats/verdict'
import { compareCommand } from './compare'
import { reportCommand } from './report'
import { runCommand } from './run'
import { USAGE } from './help'
import { formatResults } from './output'

export interface CliIO {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
}

/** The command line; returns the exit status (0 pass, 1 fail, 2 bad usage or input). */
export async function runCli(argv: readonly string[], io: CliIO, version: string): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(`${USAGE}\n`)
        return command === undefined ? 2 : 0
      case '--version':
        io.stdout(`${version}\n`)
        return 0
      case 'run':
      case 'compare': {
        const outcome = command === 'run' ? await runCommand(rest, io) : await compareCommand(rest)
        if (outcome === 'help') {
          io.stdout(`${USAGE}\n`)
          return 0
        }
        io.stdout(formatResults(outcome.results, outcome.format))
        return failsCheck(outcome.results.comparison.verdict, outcome.failOn) ? 1 : 0
      }
      case 'report': {
        const outcome = await reportCommand(rest, io)
        if (outcome === 'help') {
          io.stdout(`${USAGE}\n`)
          return 0
        }
        io.stdout(outcome.output)
        return failsCheck(outcome.verdict, outcome.failOn) ? 1 : 0
      }
      default:
        throw new InputError(
          `unknown command ${JSON.stringify(command)}; expected run, compare or report (see --help)`
        )
    }
  } catch (error) {
    io.stderr(`pulumi-perf-gate: ${describeError(error)}\n`)
    if (error instanceof InputError) return 2
    if (error instanceof BenchmarkError) return 1
    // Anything else is our bug: keep the stack for the report.
    io.stderr(`${(error as Error).stack ?? ''}\n`)
    return 1
  }
}
