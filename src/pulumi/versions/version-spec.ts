import { InputError } from '../../core/errors/errors'

/** What a `*-version` input asks for. */
export type VersionSpec =
  | { kind: 'version'; version: string }
  | { kind: 'latest' }
  | { kind: 'installed' }
  | { kind: 'path'; path: string }

/** Semantic version with optional pre-release and build parts, as Pulumi tags them. */
const VERSION = /^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$/

/** A plain version (`3.43.1` or `v3.43.1`) without the `v`, or null when it is not one. */
export function parseVersion(text: string): string | null {
  return VERSION.exec(text.trim())?.[1] ?? null
}

/**
 * Reads a version input. A path must look like one (hold a slash or start with a dot),
 * so a mistyped version is reported as such rather than as a missing file.
 */
export function parseVersionSpec(
  value: string,
  input: string,
  options: { allowInstalled: boolean }
): VersionSpec {
  const text = value.trim()
  const version = parseVersion(text)
  if (version) return { kind: 'version', version }
  if (text === 'latest') return { kind: 'latest' }
  if (text === 'installed' && options.allowInstalled) return { kind: 'installed' }
  if (/[/\\]/.test(text) || text.startsWith('.')) return { kind: 'path', path: text }
  const forms = [
    'a version like 3.43.1 or v3.43.1',
    'latest',
    ...(options.allowInstalled ? ['installed'] : []),
    'a path to a pulumi binary or to a folder holding one (e.g. ./bin/pulumi)'
  ]
  throw new InputError(`${input}: "${value}" is not allowed; use ${forms.join(', ')}`)
}
