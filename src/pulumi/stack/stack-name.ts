import { InputError } from '../../core/errors/errors'

/** The suffixes the two stacks get: `<prefix>-baseline`, `<prefix>-candidate`. */
const LONGEST_SUFFIX = '-candidate'
/** Pulumi's limit on a stack name (sdk/go/common/tokens/stack_name.go ParseStackName). */
const STACK_NAME_LIMIT = 100

/**
 * Checks `stack-prefix` against Pulumi's stack-name rules (ParseStackName: letters,
 * digits, `-`, `_`, `.`, at most 100 characters), leaving room for the suffix. No `/`:
 * an organization or project qualifier would change which stack the name means on each
 * backend. Throws an InputError naming `input`.
 */
export function checkStackPrefix(prefix: string, input: string): string {
  const longest = STACK_NAME_LIMIT - LONGEST_SUFFIX.length
  if (!/^[A-Za-z0-9_.-]+$/.test(prefix) || prefix.length > longest) {
    throw new InputError(
      `${input}: ${JSON.stringify(prefix)} is not valid; expected letters, digits, "-", "_" or "." (Pulumi's stack-name rules), at most ${longest} characters`
    )
  }
  return prefix
}
