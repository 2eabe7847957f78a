import { knownSecrets, redactor, type Redact } from '../core/redact'
import { escapeMarkdown } from './escape'

/**
 * The redactor of a step or a command line: every secret it knows, as typed and as the
 * reports escape it, since the reports are redacted after they are rendered.
 */
export function stepRedactor(env: NodeJS.ProcessEnv, token: string | undefined): Redact {
  return redactor(knownSecrets(env, token), [escapeMarkdown])
}
