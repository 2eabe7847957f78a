import { InputError } from '../core/errors'

export interface ConfigEntry {
  key: string
  value: string
}

/**
 * Reads the `config` input: one `key: value` per line, for `pulumi config set`. Keys may
 * carry a namespace (`aws:region: us-east-1`); the first colon followed by a space (or
 * the end of the line) ends the key. Blank lines and `#` comments are skipped, and a
 * value wrapped in matching quotes loses them, as it would in YAML.
 */
export function parseConfigInput(text: string, input = 'config'): ConfigEntry[] {
  const entries: ConfigEntry[] = []
  for (const [index, rawLine] of text.split(/\r?\n/).entries()) {
    const line = rawLine.trim()
    if (line === '' || line.startsWith('#')) continue
    const match = /^(\S+?):(?:\s+(.*))?$/.exec(line)
    if (!match?.[1]) {
      throw new InputError(
        `${input}: line ${index + 1} "${line}" is not allowed; write one "key: value" per line`
      )
    }
    entries.push({ key: match[1], value: unquote(match[2] ?? '') })
  }
  return entries
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value)
  return quoted ? (quoted[2] ?? '') : value
}
