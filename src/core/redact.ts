/**
 * Keeping the secrets a step knows out of everything it writes (docs/security.md): the
 * comment, the job summary, the results file, logs and error messages. A command may
 * print its credentials (a Pulumi error line with the access token, say), and that text
 * travels into error messages and reports. One redactor is built at each front end from
 * the known values and applied wherever text leaves the process.
 */
export type Redact = ((text: string) => string) & {
  /** What it replaces, longest first: a stream of text is redacted knowing them (redactStream). */
  readonly secrets: readonly string[]
}

export const REDACTED = '***'

/**
 * Replaces every known secret value in text with `***`, longest first (so a secret that
 * contains another is replaced whole). A multi-line value is also replaced line by
 * line, as the runner masks it. Empty and blank values are no secrets. `forms` are the
 * other shapes a secret takes in what is written (escaped for markdown, `ghs_x` is
 * `ghs&#95;x`): each is replaced too.
 */
export function redactor(
  values: readonly (string | undefined)[],
  forms: readonly ((secret: string) => string)[] = []
): Redact {
  const plain = values.flatMap(value =>
    value === undefined ? [] : [value, ...value.split(/\r?\n/).map(line => line.trim())]
  )
  const secrets = [...new Set(plain.flatMap(value => [value, ...forms.map(form => form(value))]))]
    .filter(value => value.trim() !== '')
    .sort((a, b) => b.length - a.length)
  const redact = (text: string) =>
    secrets.reduce((redacted, secret) => redacted.split(secret).join(REDACTED), text)
  return Object.assign(redact, { secrets })
}

/** Redacts nothing: before the secrets are known. */
export const NO_SECRETS: Redact = redactor([])

/**
 * Redacts text that arrives in pieces (a log of any size, lines of any length) in time
 * and memory linear in it: each piece is redacted but for its last characters that
 * could begin a secret, which wait for the next piece; the cut is moved back before any
 * secret it would split. `push` returns what is ready, `end` the rest.
 */
export function redactStream(redact: Redact): {
  push: (piece: string) => string
  end: () => string
} {
  const longest = redact.secrets[0]?.length ?? 0
  let held = ''
  return {
    push: piece => {
      const text = held + piece
      const ready = Math.min(text.length, Math.max(0, text.length - (longest - 1)))
      const cut = cleanCut(text, ready, redact.secrets)
      held = text.slice(cut)
      return redact(text.slice(0, cut))
    },
    end: () => {
      const rest = held
      held = ''
      return redact(rest)
    }
  }
}

/** The latest position at or before `at` that no occurrence of a secret spans. */
function cleanCut(text: string, at: number, secrets: readonly string[]): number {
  let cut = at
  for (let moved = true; moved;) {
    moved = false
    for (const secret of secrets) {
      // Only an occurrence that starts less than its length before the cut can span it.
      const from = Math.max(0, cut - secret.length + 1)
      const found = text.slice(from, cut + secret.length - 1).indexOf(secret)
      if (found !== -1 && from + found < cut) {
        cut = from + found
        moved = true
      }
    }
  }
  return cut
}

/**
 * The secrets a step knows: the token it comments with, Pulumi's credentials, the
 * runner's own tokens for its services, the value of every variable whose name looks
 * secret (`AWS_SECRET_ACCESS_KEY`, `NPM_TOKEN`, `DB_PASSWORD`) and `more` (the `config`
 * input's values).
 */
export function knownSecrets(
  env: NodeJS.ProcessEnv,
  token: string | undefined,
  more: readonly string[] = []
): string[] {
  const named = Object.entries(env)
    .filter(([name]) => looksSecret(name))
    .map(([, value]) => value)
  const values = [
    token,
    env.PULUMI_ACCESS_TOKEN,
    env.PULUMI_CONFIG_PASSPHRASE,
    env.ACTIONS_RUNTIME_TOKEN,
    env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
    // Guessed at, so a flag or a count (`resources: 3`) would mask that word everywhere.
    ...[...named, ...more].filter(value => value !== undefined && !isTrivial(value))
  ].filter((value): value is string => value !== undefined && value.trim() !== '')
  return [...new Set(values)]
}

// A word of a variable's name that says its value is a credential.
const SECRET_WORD =
  /^(?:SECRETS?|TOKENS?|PASSWORDS?|PASSWD|PASS|PWD|PASSPHRASE|CREDENTIALS?|CREDS|KEY|APIKEY|PRIVATEKEY|AUTH|COOKIE|SIGNATURE|SAS|DSN)$/

/**
 * Whether a variable's name looks like it holds a secret: one of its words (split at
 * `_`, `-`, `.`) is a credential word. `PWD` and `OLDPWD` alone are the shell's folders.
 * The action's own inputs and saved state (`INPUT_*`, `STATE_*`) are not guessed at:
 * their secrets (the token, the config values) are named apart, and `comment-key` would
 * otherwise mask the key in every line that shows it.
 */
export function looksSecret(name: string): boolean {
  if (name === 'PWD' || name === 'OLDPWD') return false
  if (/^(?:INPUT|STATE)_/i.test(name)) return false
  return name
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .some(word => SECRET_WORD.test(word))
}

function isTrivial(value: string): boolean {
  const trimmed = value.trim()
  return trimmed.length < 4 || /^(?:true|false|yes|no|null|\d+)$/i.test(trimmed)
}

/** A redactor that learns secrets as they become known (the command line's `--config`). */
export interface SecretSet {
  redact: Redact
  add: (values: readonly string[]) => void
  /** The values as known so far (for `core.setSecret`). */
  readonly values: readonly string[]
}

export function secretSet(
  values: readonly string[],
  forms: readonly ((secret: string) => string)[] = []
): SecretSet {
  let all = [...values]
  let current = redactor(all, forms)
  const redact = Object.defineProperty((text: string) => current(text), 'secrets', {
    get: () => current.secrets
  }) as Redact
  return {
    redact,
    add: more => {
      // Guessed at like knownSecrets' `more`: a count would mask that digit everywhere.
      all = [...all, ...more.filter(value => !isTrivial(value))]
      current = redactor(all, forms)
    },
    get values() {
      return all
    }
  }
}

/** `data` as indented JSON text with every string value in it redacted. */
export function redactedJson(data: unknown, redact: Redact): string {
  const strings = (_key: string, value: unknown) =>
    typeof value === 'string' ? redact(value) : value
  return `${JSON.stringify(data, strings, 2)}\n`
}
