import { existsSync } from 'node:fs'
import * as glob from '@actions/glob'
import { InputError, describeError } from '../core/errors/errors'
import { basename } from 'node:path'
import type { JoinedResults, UnfinishedRun } from '../results/family'
import { FailedRuns } from '../results/build/failed-runs'
import { benchmarkName, readResultsFile } from '../results/read/read'
import type { ResultsFile } from '../results/schema'
import { phaseFiles } from '../results/read/phase-files'
import { reanalyse, type Reanalysis } from '../results/reanalyse/reanalyse'
import { reportSections } from '../export/markdown/parts/sections'
import { renderText } from '../export/text/text'
import { adjustFamily } from '../stats/decide/family'

/** Files named by paths or glob patterns, in the order given, each once. */
export async function expandPatterns(
  patterns: readonly string[],
  warn: (line: string) => void
): Promise<string[]> {
  const files: string[] = []
  for (const pattern of patterns) {
    const matches = existsSync(pattern)
      ? [pattern]
      : await (await glob.create(pattern, { matchDirectories: false })).glob()
    if (matches.length === 0) warn(`${pattern}: no results file matches`)
    for (const match of matches.sort()) if (!files.includes(match)) files.push(match)
  }
  return files
}

/**
 * Report mode (docs/workflows.md): re-analyse many results files, each phase of a file
 * that times several as a benchmark of its own (docs/phases.md), with the report
 * job's alpha and threshold, each replaying the design it was run with (within sane
 * bounds), and adjust their regression tests for being tested together: Holm over
 * the stage-wise p-values of each file's design. Runs that declared their family size
 * m were planned at alpha/m and keep their regressions. Unreadable files are named in
 * a warning; with none readable, one clear error. A file of a run that did not finish is
 * named in a warning and returned apart: it has no verdict, and the report says so.
 */
export async function joinResults(
  patterns: readonly string[],
  options: { alpha: number; threshold: number; warn: (line: string) => void }
): Promise<JoinedResults> {
  const files = await expandPatterns(patterns, options.warn)
  const analysed: Reanalysis[] = []
  const unfinished: UnfinishedRun[] = []
  for (const path of files) {
    try {
      const file = await readResultsFile(path)
      if (typeof file.raw.error === 'string') {
        const error = file.raw.error.split('\n')[0] ?? ''
        const benchmark =
          typeof file.raw.benchmark === 'string' ? file.raw.benchmark : basename(path)
        unfinished.push({ path, benchmark, error })
        options.warn(`${path}: the benchmark did not finish (${error})`)
        continue
      }
      // Each phase of a file is a benchmark of the family; a file is read whole or left out.
      let items: Reanalysis[]
      try {
        items = phaseFiles(file).map(part => reanalyse(part, options))
      } catch (error) {
        if (!(error instanceof FailedRuns)) throw error
        // Runs that failed leave the file without a verdict, as a run that did not finish.
        unfinished.push({ path, benchmark: benchmarkName(file), error: error.message })
        options.warn(`${path}: no verdict (${error.message})`)
        continue
      }
      for (const item of items) checkRenders(item.results) // one that cannot be shown is left out
      analysed.push(...items)
    } catch (error) {
      const message = describeError(error)
      options.warn(`${message.startsWith(path) ? message : `${path}: ${message}`}; left out`)
    }
  }
  if (analysed.length === 0 && unfinished.length === 0) {
    throw new InputError(
      `results: none of ${JSON.stringify(patterns.join(', '))} gave a readable results file (${files.length} file${files.length === 1 ? '' : 's'} found)`
    )
  }
  uniqueNames(analysed)
  const m = analysed.length
  const pAdjusted = adjustFamily(
    analysed.map(({ results, path }) => ({ comparison: results.comparison, path })),
    options.alpha,
    p =>
      `A regression on its own, but not after adjusting for ${m} benchmarks tested together (Holm over stage-wise p-values, adjusted p = ${p.toPrecision(3)}); a run that declares family-size ${m} spends alpha/${m} from its first look and keeps such regressions.`
  )
  const items = analysed.map(({ results }, index) => ({ results, pAdjusted: pAdjusted[index]! }))
  return { items, unfinished }
}

/**
 * Two files with the same benchmark name get a number appended, so rows differ: the
 * first number no other name has, also a name a file gave itself (`foo (2)`).
 */
export function uniqueNames(items: readonly { results: { benchmark: string } }[]): void {
  const used = new Set(items.map(({ results }) => results.benchmark))
  const seen = new Set<string>()
  for (const { results } of items) {
    const name = results.benchmark
    if (seen.has(name)) {
      let count = 2
      while (used.has(`${name} (${count})`)) count++
      results.benchmark = `${name} (${count})`
      used.add(results.benchmark)
    }
    seen.add(name)
  }
}

/**
 * Renders a results file every way a report shows it (markdown sections, text, JSON),
 * throwing what a renderer throws. Report mode calls it on each file as it reads it,
 * so a file that cannot be shown is named and left out on its own instead of failing
 * the report of all the others (docs/workflows.md, fork pull requests).
 */
function checkRenders(results: ResultsFile): void {
  reportSections(results)({ rawRows: 1, chart: true })
  renderText(results)
  JSON.stringify(results)
}
