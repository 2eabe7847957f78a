import { BenchmarkError } from '../../core/errors/errors'
import type { GroupSource } from './build'
import { partialGroup, partialResultsFile, type PartialResultsFile } from './partial'

/**
 * A comparison whose groups hold failed runs (a non-zero exit code, or null: killed by a
 * signal). hyperfine `-i` keeps their times, but a crash is not a speed-up: such a
 * comparison gets no verdict anywhere (`compare`, report mode, `run`), and its report
 * leads with the failures. `partial` is the file as a run that did not finish writes it.
 */
export class FailedRuns extends BenchmarkError {
  override name = 'FailedRuns'
  constructor(
    message: string,
    readonly partial: PartialResultsFile
  ) {
    super(message)
  }
}

/** `12 of 20 ./crashy.sh runs failed (exit code 139 in 12)`, or nothing when none did. */
export function failedRunsLine(source: GroupSource): string | undefined {
  const failed = source.exitCodes.filter(code => code !== 0)
  if (failed.length === 0) return undefined
  const counts = new Map<string, number>()
  for (const code of failed) {
    const key = code === null ? 'killed by a signal' : `exit code ${code}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const how = [...counts].map(([key, count]) => `${key} in ${count}`).join(', ')
  return `${failed.length} of ${source.exitCodes.length} ${source.name} runs failed (${how})`
}

/**
 * Throws `FailedRuns` when any group of any phase failed a run, naming every such group:
 * `a comparison with failed runs has no verdict`.
 */
export function checkNoFailedRuns(
  benchmark: string,
  phases: ReadonlyArray<{
    phase?: string
    sources: { baseline: GroupSource; candidate: GroupSource }
  }>
): void {
  const lines = phases.flatMap(({ phase, sources }) =>
    [sources.baseline, sources.candidate].flatMap(source => {
      const line = failedRunsLine(source)
      if (line === undefined) return []
      return [phase === undefined ? line : `${phase}: ${line}`]
    })
  )
  if (lines.length === 0) return
  const message = failedMessage(lines)
  throw new FailedRuns(message, partialResultsFile({ name: benchmark }, phases, message, {}))
}

/** The same for the groups of a sweep (docs/sweep.md): none gets a verdict if any failed. */
export function checkNoFailedSweepRuns(benchmark: string, groups: readonly GroupSource[]): void {
  const lines = groups.flatMap(source => failedRunsLine(source) ?? [])
  if (lines.length === 0) return
  const message = failedMessage(lines)
  const results = groups.map(source => partialGroup(source, undefined))
  throw new FailedRuns(message, { benchmark, error: message, results })
}

function failedMessage(lines: readonly string[]): string {
  return `${lines.join('; ')}; a comparison with failed runs has no verdict`
}
