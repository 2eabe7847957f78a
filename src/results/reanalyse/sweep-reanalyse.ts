import { planDesign } from '../../stats/design/design'
import { analyseFamily } from '../../stats/phases'
import { sourceOf } from '../build/build'
import { checkNoFailedSweepRuns } from '../build/failed-runs'
import { benchmarkName, type ParsedFile } from '../read/read'
import { placedDesign, recordedContext, type ReanalysisDesign } from './reanalyse'
import type { ResultsFile } from '../schema'
import { recordedDesign } from '../read/recorded-design'
import { selectSweep } from '../read/select'
import { sweepFiles } from '../read/sweep-files'
import {
  candidateIndexes,
  sweepPairs,
  sweepResultsFile,
  type SweepSource
} from '../build/sweep-build'

/**
 * Analyses every result of hyperfine-format files as a sweep (docs/sweep.md, `compare`
 * of more than two): the baseline against each other result, one family of
 * m = candidates × family-size comparisons, each with looks placed on its own samples.
 */
export function analyseSweepFiles(
  files: readonly ParsedFile[],
  options: Omit<ReanalysisDesign, 'candidate' | 'design'>
): ResultsFile {
  const selection = selectSweep(files, options)
  const first = files[0]!
  const benchmark = options.name ?? benchmarkName(first)
  const sources = selection.groups.map((result, index) => sourceOf(selection.names[index]!, result))
  checkNoFailedSweepRuns(benchmark, sources)
  const sweep: SweepSource = {
    names: selection.names,
    baseline: selection.baseline,
    phases: [{ sources }]
  }
  const familySize = (options.familySize ?? 1) * candidateIndexes(sweep).length
  const members = sweepPairs(sweep).map(pair => ({
    ...pair,
    design: placedDesign(pair.baseline.length, pair.candidate.length, { ...options, familySize })
  }))
  const family = analyseFamily(members, options)
  return sweepResultsFile(
    benchmark,
    sweep,
    family,
    files.length === 1 ? recordedContext(first) : {}
  )
}

/**
 * A sweep file of ours analysed again the way its run (or `compare`) analysed it: each
 * comparison with the design it records, at the given alpha and threshold. Undefined when
 * the file does not hold every comparison a sweep of its groups and phases makes, each
 * with a design this version replays.
 */
export function replaySweep(
  file: ParsedFile,
  policy: { alpha: number; threshold: number }
): ResultsFile | undefined {
  const parts = sweepFiles(file)
  if (parts === undefined) return undefined
  const recorded = file.raw.sweep as { groups: string[]; baseline: string }
  const entries = (file.raw.sweep as { comparisons: { candidate: string; phase?: string }[] })
    .comparisons
  const phases = [...new Set(entries.map(entry => entry.phase))]
  const sweep: SweepSource = {
    names: recorded.groups,
    baseline: recorded.groups.indexOf(recorded.baseline),
    phases: phases.map(phase => ({
      ...(phase === undefined ? {} : { phase }),
      sources: file.results
        .filter(result => result.parameters.phase === phase)
        .map((result, index) => sourceOf(recorded.groups[index]!, result))
    }))
  }
  const benchmark = benchmarkName(file)
  checkNoFailedSweepRuns(
    benchmark,
    sweep.phases.flatMap(({ sources }) => sources)
  )
  const members = []
  for (const pair of sweepPairs(sweep)) {
    const index = entries.findIndex(
      entry => entry.candidate === pair.names.candidate && entry.phase === pair.phase
    )
    const design = index === -1 ? undefined : recordedDesign(parts[index]!).design
    if (design === undefined) return undefined
    members.push({ ...pair, design: planDesign(design.looks, policy.alpha, design) })
  }
  const family = analyseFamily(members, policy)
  return sweepResultsFile(benchmark, sweep, family, recordedContext(file))
}
