import { parseVersion } from './version-spec'

/**
 * The candidates of `candidate-version` (docs/sweep.md): one, or a list separated by
 * commas, spaces or lines (`3.181.0, 3.200.0 3.226.0`). A value without a comma or a
 * line break that is not all versions, `latest` or `installed` is one value as it is,
 * so a path with a space in it still works as before.
 */
export function versionList(value: string): string[] {
  const words = value.split(/[\s,]+/).filter(word => word !== '')
  const listed = /[,\n]/.test(value.trim()) || words.every(isVersionWord)
  return listed ? words : [value.trim()]
}

function isVersionWord(word: string): boolean {
  return word === 'latest' || word === 'installed' || parseVersion(word) !== null
}
