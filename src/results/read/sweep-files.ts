import { isPhase } from '../../core/phases'
import { benchmarkName, type ParsedFile } from './read'

/**
 * What report mode judges of a sweep file of ours (docs/sweep.md): each comparison of a
 * candidate with the baseline as a file of one comparison of its own (the two results,
 * the recorded comparison and design), named `<benchmark> · <candidate>[ · <phase>]`.
 * Undefined for any other file. The file is untrusted: a comparison naming a group or
 * phase the file does not hold, or a group name given twice, leaves the file whole.
 */
export function sweepFiles(file: ParsedFile): ParsedFile[] | undefined {
  const sweep = file.raw.sweep as Record<string, unknown> | null | undefined
  if (typeof sweep !== 'object' || sweep === null) return undefined
  const { groups, baseline, comparisons } = sweep
  if (!isNames(groups) || new Set(groups).size !== groups.length) return undefined
  if (typeof baseline !== 'string' || !groups.includes(baseline)) return undefined
  if (!Array.isArray(comparisons) || comparisons.length > groups.length * 5) return undefined
  const parts: ParsedFile[] = []
  for (const entry of comparisons as unknown[]) {
    if (typeof entry !== 'object' || entry === null) return undefined
    const { candidate, phase, comparison } = entry as Record<string, unknown>
    if (typeof candidate !== 'string' || candidate === baseline || !groups.includes(candidate)) {
      return undefined
    }
    if (phase !== undefined && !(typeof phase === 'string' && isPhase(phase))) return undefined
    const results = file.results.filter(result => result.parameters.phase === phase)
    if (results.length !== groups.length) return undefined
    parts.push({
      path: file.path,
      benchmark: [benchmarkName(file), candidate, ...(phase === undefined ? [] : [phase])].join(
        ' · '
      ),
      results: [results[groups.indexOf(baseline)]!, results[groups.indexOf(candidate)]!],
      raw: { ...file.raw, comparison }
    })
  }
  return parts.length > 0 ? parts : undefined
}

function isNames(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(item => typeof item === 'string')
}
