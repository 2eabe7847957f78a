import { knownSecrets, secretSet, type SecretSet } from '../../core/redact'
import { escapeMarkdown } from './escape'

/**
 * The secrets of a step or a command line: every one it knows, as typed and as the
 * reports escape it, since the reports are redacted after they are rendered.
 */
export function stepSecrets(
  env: NodeJS.ProcessEnv,
  token: string | undefined,
  more: readonly string[] = []
): SecretSet {
  return secretSet(knownSecrets(env, token, more), [escapeMarkdown])
}
