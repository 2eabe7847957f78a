import { isPhase } from '../../core/phases'
import { benchmarkName, type ParsedFile } from './read'
import { sweepFiles } from './sweep-files'

/**
 * What report mode judges of one results file (docs/phases.md): each comparison of a
 * sweep (`sweepFiles`); each phase of a file
 * of ours that times several, as a file of one comparison of its own (its two results,
 * its recorded comparison and design), named `<benchmark> · <phase>`; any other file as
 * it is. The file is untrusted: only the known phase names are read, so it yields at
 * most five.
 */
export function phaseFiles(file: ParsedFile): ParsedFile[] {
  const sweep = sweepFiles(file)
  if (sweep !== undefined) return sweep
  const { phases } = file.raw
  if (typeof phases !== 'object' || phases === null || Array.isArray(phases)) return [file]
  const names = Object.keys(phases).filter(isPhase)
  if (names.length < 2) return [file]
  return names.map(phase => ({
    path: file.path,
    benchmark: `${benchmarkName(file)} · ${phase}`,
    results: file.results.filter(result => result.parameters.phase === phase),
    raw: { ...file.raw, comparison: (phases as Record<string, unknown>)[phase] }
  }))
}
