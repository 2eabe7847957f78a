/** A stable Pulumi release: no pre-release or build part (dev builds are not bisected). */
const STABLE = /^v?(\d+)\.(\d+)\.(\d+)$/

/**
 * `3.181.0` from `3.181.0` or `v3.181.0`; null for anything else. Only such a version
 * goes into a link to a release or a diff, whatever text an index or a file held.
 */
export function stableVersion(text: string): string | null {
  const match = STABLE.exec(text.trim())
  return match ? `${Number(match[1])}.${Number(match[2])}.${Number(match[3])}` : null
}
