import { InputError } from '../../core/errors/errors'

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
        // Never the line itself: it may be a secret value (a line of a PEM key).
        `${input}: line ${index + 1} is not allowed; write one "key: value" per line`
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

/**
 * Every value the `config` input holds, also when another line of it is malformed:
 * each is a secret (docs/security.md), redacted wherever the step writes.
 */
export function configValues(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map(line => /^\s*[^\s#]\S*?:\s+(.*)$/.exec(line)?.[1]?.trim())
    .filter((value): value is string => value !== undefined && value !== '')
    .map(unquote)
}
