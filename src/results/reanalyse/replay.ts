import { analyse } from '../../stats/analyse'
import { planDesign } from '../../stats/design/design'
import { analysePhases } from '../../stats/phases'
import type { Verdict } from '../../stats/types'
import { phasedResultsFile, resultsFile, sourceOf, type GroupSource } from '../build/build'
import { checkNoFailedRuns } from '../build/failed-runs'
import { phaseFiles } from '../read/phase-files'
import { benchmarkName, resultName, type ParsedFile } from '../read/read'
import { recordedContext } from './reanalyse'
import { recordedDesign, type RecordedDesign } from '../read/recorded-design'
import { stepVerdict } from '../read/phases'
import { replaySweep } from './sweep-reanalyse'
import type { ResultsFile } from '../schema'

/** What `compare` was told, each unset when the flag was left out. */
export interface ReplayPolicy {
  alpha?: number
  threshold?: number
}

/**
 * Re-analyses a finished results file of ours the way its run analysed it (SPEC §4): its
 * recorded design (looks, family, spending, detrend), each phase a member of the run's
 * family, and its recorded alpha and threshold unless the user gives others; so it gives
 * the verdict the run recorded. When given settings change the verdict, the first
 * warning says so and why. Undefined for a file without a design this version replays.
 */
export function replayOwnFile(file: ParsedFile, policy: ReplayPolicy): ResultsFile | undefined {
  const { design: recorded } = recordedDesign(file)
  const comparison = file.raw.comparison as Record<string, unknown> | undefined
  const recordedAlpha = comparison?.alpha
  const recordedThreshold = comparison?.threshold
  if (
    recorded === undefined ||
    typeof recordedAlpha !== 'number' ||
    !(recordedAlpha > 0 && recordedAlpha < 1) ||
    typeof recordedThreshold !== 'number' ||
    !(recordedThreshold >= 0 && recordedThreshold < 1)
  ) {
    return undefined
  }
  const alpha = policy.alpha ?? recordedAlpha
  const threshold = policy.threshold ?? recordedThreshold
  const results = file.raw.sweep
    ? replaySweep(file, { alpha, threshold })
    : replayPhases(file, recorded, { alpha, threshold })
  if (results === undefined) return undefined
  const was = recordedVerdict(file)
  const now = stepVerdict(results)
  if (was !== undefined && was !== now) {
    const changed = [
      ...(alpha === recordedAlpha ? [] : [`--alpha ${alpha} (the run used ${recordedAlpha})`]),
      ...(threshold === recordedThreshold
        ? []
        : [`--threshold ${percent(threshold)} (the run used ±${percent(recordedThreshold)})`])
    ]
    const why = changed.length > 0 ? `because of ${changed.join(' and ')}` : 'on the same design'
    results.comparison.warnings.unshift(
      `The run recorded the verdict ${was}; this analysis gives ${now} ${why}.`
    )
  }
  return results
}

/** A file of two groups, of one phase or several, analysed with its recorded design. */
function replayPhases(
  file: ParsedFile,
  recorded: RecordedDesign,
  { alpha, threshold }: { alpha: number; threshold: number }
): ResultsFile | undefined {
  const parts = phaseFiles(file)
  if (parts.some(part => part.results.length !== 2)) return undefined
  const benchmark = benchmarkName(file)
  const phases = parts.map(part => {
    const [baseline, candidate] = part.results as [
      ParsedFile['results'][0],
      ParsedFile['results'][0]
    ]
    const sources: { baseline: GroupSource; candidate: GroupSource } = {
      baseline: sourceOf(resultName(baseline) || 'baseline', baseline),
      candidate: sourceOf(resultName(candidate) || 'candidate', candidate)
    }
    return { phase: baseline.parameters.phase ?? '', sources }
  })
  checkNoFailedRuns(
    benchmark,
    phases.map(({ phase, sources }) => (parts.length > 1 ? { phase, sources } : { sources }))
  )
  const design = planDesign(recorded.looks, alpha, recorded)
  const extra = recordedContext(file)
  const names = (sources: { baseline: GroupSource; candidate: GroupSource }) => ({
    baseline: sources.baseline.name,
    candidate: sources.candidate.name
  })
  let results: ResultsFile
  if (phases.length === 1) {
    const { sources } = phases[0]!
    const analysis = analyse(sources.baseline.times, sources.candidate.times, {
      alpha,
      threshold,
      design,
      names: names(sources)
    })
    results = resultsFile(benchmark, sources, analysis, extra)
  } else {
    const family = analysePhases(
      phases.map(({ sources }) => ({
        baseline: sources.baseline.times,
        candidate: sources.candidate.times
      })),
      { alpha, threshold, design }
    )
    results = phasedResultsFile(benchmark, phases, family, extra)
  }
  return results
}

function recordedVerdict(file: ParsedFile): Verdict | undefined {
  const field = (name: string) => (file.raw[name] as { verdict?: unknown } | undefined)?.verdict
  const verdict = field('sweep') ?? field('family') ?? field('comparison')
  return typeof verdict === 'string' &&
    ['regression', 'improvement', 'unchanged', 'inconclusive'].includes(verdict)
    ? (verdict as Verdict)
    : undefined
}

function percent(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(6))}%`
}
