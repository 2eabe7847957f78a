import { existsSync } from 'node:fs'
import * as glob from '@actions/glob'
import { InputError, describeError } from '../core/errors'
import type { MultiItem } from '../results/family'
import { readResultsFile } from '../results/read'
import { reanalyse, type Reanalysis } from '../results/reanalyse'
import { checkRenders } from '../report/renders'
import { familyAdjusted, holmRegressions } from '../stats/family'

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
 * Report mode (SPEC §2, issue 6): re-analyse many results files and adjust their
 * regression tests for being tested together (Holm over sequential p-values), so
 * the chance of any false regression across all of them stays at most alpha.
 * Unreadable files are named in a warning; with none readable, one clear error.
 */
export async function joinResults(
  patterns: readonly string[],
  options: { alpha: number; threshold: number; warn: (line: string) => void }
): Promise<MultiItem[]> {
  const files = await expandPatterns(patterns, options.warn)
  const analysed: Reanalysis[] = []
  for (const path of files) {
    try {
      const file = await readResultsFile(path)
      if (typeof file.raw.error === 'string') {
        options.warn(`${path}: the benchmark did not finish (${file.raw.error}); left out`)
        continue
      }
      const item = reanalyse(file, options)
      checkRenders(item.results) // a file that cannot be shown is left out on its own
      analysed.push(item)
    } catch (error) {
      const message = describeError(error)
      options.warn(`${message.startsWith(path) ? message : `${path}: ${message}`}; left out`)
    }
  }
  if (analysed.length === 0) {
    throw new InputError(
      `results: none of ${JSON.stringify(patterns.join(', '))} gave a readable results file (${files.length} file${files.length === 1 ? '' : 's'} found)`
    )
  }
  uniqueNames(analysed)
  const paths = analysed.map(item => item.path)
  const adjusted = familyAdjusted(paths)
  const regressions = holmRegressions(paths, options.alpha)
  return analysed.map(({ results }, index) => {
    const pAdjusted = adjusted[index]!
    const { comparison } = results
    if (comparison.verdict === 'regression' && !regressions[index]) {
      comparison.verdict = 'inconclusive'
      comparison.warnings.push(
        `A regression on its own (p = ${comparison.welch.pRegression.toPrecision(3)}), but not after adjusting for ${analysed.length} benchmarks tested together (Holm, adjusted p = ${pAdjusted.toPrecision(3)}).`
      )
    }
    return { results, pAdjusted }
  })
}

/** Two files with the same benchmark name get their position appended, so rows differ. */
function uniqueNames(items: Reanalysis[]): void {
  const seen = new Map<string, number>()
  for (const { results } of items) {
    const count = (seen.get(results.benchmark) ?? 0) + 1
    seen.set(results.benchmark, count)
    if (count > 1) results.benchmark = `${results.benchmark} (${count})`
  }
}
