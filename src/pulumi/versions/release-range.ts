/**
 * Which released versions lie between two (docs/bisect.md), pure: the index's entries
 * are data from the network, so only plain stable versions (`3.181.0`) are kept.
 */
import { InputError } from '../../core/errors/errors'
import { stableVersion } from '../../core/release-version'

export { stableVersion }

function parts(version: string): number[] {
  return version.split('.').map(Number)
}

/** Orders stable versions by their numbers: 3.99.0 before 3.100.0. */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [parts(a), parts(b)]
  for (let i = 0; i < 3; i++) {
    const difference = x[i]! - y[i]!
    if (difference !== 0) return difference
  }
  return 0
}

/**
 * The released versions from `good` to `bad` (the inputs of those names), both
 * included, oldest first. Each end must be a release the index at `where` lists, and
 * `good` must come before `bad`.
 */
export function versionsBetween(
  released: readonly string[],
  good: string,
  bad: string,
  where: string
): string[] {
  const known = new Set(released)
  for (const [input, version] of [
    ['good', good],
    ['bad', bad]
  ] as const) {
    if (!known.has(version)) {
      throw new InputError(
        `${input}: ${version} is not a released Pulumi version according to ${where}; give a version it lists, such as ${[...known].sort(compareVersions).at(-1) ?? '3.181.0'}`
      )
    }
  }
  if (compareVersions(good, bad) >= 0) {
    throw new InputError(`good must be an older release than bad (got ${good} and ${bad})`)
  }
  return [...known]
    .filter(version => compareVersions(version, good) >= 0 && compareVersions(version, bad) <= 0)
    .sort(compareVersions)
}

/**
 * The versions an index lists. Pulumi's own (GitHub's refs of pulumi/pulumi's tags):
 * a JSON array of `{ "ref": "refs/tags/v3.181.0" }`; a mirror's `versions` file: one
 * version per line. Entries that are no stable version are left out.
 */
export function parseReleaseIndex(text: string, format: 'github-tags' | 'lines'): string[] {
  const names = format === 'lines' ? text.split(/\r?\n/) : tagNames(text)
  const versions = names.map(stableVersion).filter((version): version is string => version !== null)
  return [...new Set(versions)]
}

function tagNames(text: string): string[] {
  let refs: unknown
  try {
    refs = JSON.parse(text)
  } catch {
    throw new ReleaseIndexError('it is not JSON')
  }
  if (!Array.isArray(refs)) throw new ReleaseIndexError('it is not a list of tags')
  return refs.flatMap((entry: unknown) => {
    const ref = (entry as { ref?: unknown } | null)?.ref
    return typeof ref === 'string' && ref.startsWith('refs/tags/') ? [ref.slice(10)] : []
  })
}

/** The index answered with something that is no list of versions. */
export class ReleaseIndexError extends Error {
  override name = 'ReleaseIndexError'
}
