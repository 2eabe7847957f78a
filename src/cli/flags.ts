import { parseArgs } from 'node:util'
import { InputError } from '../errors'

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
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true
    })
    const { help, ...strings } = values as Record<string, string | boolean | undefined>
    return {
      values: strings as Record<string, string | undefined>,
      positionals,
      help: help === true
    }
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]!.replace(/\. To specify.*$/, '')
    throw new InputError(`${message}; see pulumi-perf-gate --help`)
  }
}

export type Format = 'text' | 'markdown' | 'json'
export const FORMATS: readonly Format[] = ['text', 'markdown', 'json']
