import { parseArgs } from 'node:util'
import { BISECT_INPUTS, Input } from '../config/inputs'
import { InputError } from '../core/errors/errors'
import type { Redact } from '../core/redact'
import type { Answer, Format } from '../run/answer'

export interface ParsedFlags {
  values: Record<string, string | undefined>
  positionals: string[]
  help: boolean
}

/**
 * `--name value` flags (all strings) and positionals. Anything unknown is one clear
 * line; `--name=value` works too.
 */
export function parseFlags(argv: readonly string[], names: readonly string[]): ParsedFlags {
  const options = Object.fromEntries(names.map(name => [name, { type: 'string' as const }]))
  try {
    const { values, positionals, tokens } = parseArgs({
      args: attachValues(argv, names),
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
      tokens: true
    })
    checkEachOnceWithValue(tokens)
    const { help, ...strings } = values as Record<string, string | boolean | undefined>
    return {
      values: strings as Record<string, string | undefined>,
      positionals,
      help: help === true
    }
  } catch (error) {
    if (error instanceof InputError) throw error
    const message = (error as Error).message.split('\n')[0]!.replace(/\.( To specify.*)?$/, '')
    throw new InputError(`${message}; see pulumi-perf-gate --help`)
  }
}

/**
 * A flag given twice would silently take its last value, and an empty value would read
 * as the flag left out (its default): both are one clear line instead.
 */
function checkEachOnceWithValue(tokens: ReturnType<typeof parseArgs>['tokens'] = []): void {
  const seen = new Set<string>()
  for (const token of tokens) {
    if (token.kind !== 'option') continue
    if (seen.has(token.name)) {
      throw new InputError(`--${token.name} is given more than once; give it once`)
    }
    seen.add(token.name)
    if (token.value !== undefined && token.value.trim() === '') {
      throw new InputError(
        `--${token.name} is empty; give it a value, or leave it out for its default`
      )
    }
  }
}

/**
 * `--flag value` → `--flag=value` for our flags, so a value that starts with a dash
 * (`--warmup -1`, `--prepare -x`) is taken as the value, not as another option, and
 * then checked and reported like any other value.
 */
function attachValues(argv: readonly string[], names: readonly string[]): string[] {
  const flags = new Set(names.map(name => `--${name}`))
  const args: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const next = argv[i + 1]
    if (flags.has(arg) && next !== undefined && !flags.has(next) && next !== '--help') {
      args.push(`${arg}=${next}`)
      i++
    } else {
      args.push(arg)
    }
  }
  return args
}

/** The action's inputs that are flags of `run` (the token comes from GITHUB_TOKEN). */
export const RUN_FLAGS: readonly Input[] = Object.values(Input).filter(
  input =>
    input !== Input.GithubToken &&
    input !== Input.Mode &&
    input !== Input.Results &&
    !BISECT_INPUTS.includes(input)
)

/**
 * What a command says, and in which format it prints it on stdout; its `fails` and
 * `error` set the exit status.
 */
export interface SubcommandOutcome {
  answer: Answer
  format: Format
}

/** A subcommand: its flags in, its outcome out ('help' when asked for usage). */
export type Subcommand = (
  argv: readonly string[],
  io: {
    stderr: (text: string) => void
    env: NodeJS.ProcessEnv
    redact: Redact
    /** Secrets learnt from the flags (`--config` values): redacted from then on. */
    addSecrets: (values: readonly string[]) => void
  }
) => Promise<SubcommandOutcome | 'help'>
