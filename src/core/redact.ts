/**
 * Keeping the secrets a step knows out of everything it writes (README: Security): the
 * comment, the job summary, the results file, logs and error messages. A command may
 * print its credentials (a Pulumi error line with the access token, say), and that text
 * travels into error messages and reports. One redactor is built at each front end from
 * the known values and applied wherever text leaves the process.
 */
export type Redact = (text: string) => string

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
  if (secrets.length === 0) return text => text
  return text => secrets.reduce((redacted, secret) => redacted.split(secret).join(REDACTED), text)
}

/**
 * The secrets a step knows: the token it comments with, Pulumi's credentials, and the
 * runner's own tokens for its services.
 */
export function knownSecrets(env: NodeJS.ProcessEnv, token: string | undefined): string[] {
  return [
    token,
    env.PULUMI_ACCESS_TOKEN,
    env.PULUMI_CONFIG_PASSPHRASE,
    env.ACTIONS_RUNTIME_TOKEN,
    env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  ].filter((value): value is string => value !== undefined && value.trim() !== '')
}

/** `data` as indented JSON text with every string value in it redacted. */
export function redactedJson(data: unknown, redact: Redact): string {
  const strings = (_key: string, value: unknown) =>
    typeof value === 'string' ? redact(value) : value
  return `${JSON.stringify(data, strings, 2)}\n`
}
