import { basename } from 'node:path'
import { InputError } from '../../core/errors/errors'
import { resultName, type ParsedFile, type ParsedResult } from './read'

export interface Selection {
  baseline: ParsedResult
  candidate: ParsedResult
  /** Labels for reports, always distinct (see `labels`). */
  names: { baseline: string; candidate: string }
  /** The names of the results not compared, in file order. */
  leftOut: string[]
}

/**
 * Picks the two results to compare (docs/cli.md): one file with two or more
 * results, or two files with one each. `--baseline`/`--candidate` match
 * `parameters.group` or the exact command; by default the first result is the
 * baseline and the second the candidate. Results are told apart by position, never by
 * name: the same command may well be both (main and the pull request).
 */
export function selectResults(
  files: readonly ParsedFile[],
  names: { baseline?: string; candidate?: string }
): Selection {
  if (files.length === 2) {
    for (const file of files) {
      if (file.results.length !== 1) {
        throw new InputError(
          `${file.path} holds ${file.results.length} results; with two files each must hold exactly one`
        )
      }
    }
  } else if (files.length === 1 && files[0]!.results.length < 2) {
    throw new InputError(
      `${files[0]!.path} holds ${files[0]!.results.length} result${files[0]!.results.length === 1 ? '' : 's'}; compare needs two (or give a second file)`
    )
  }
  const all = files.flatMap(file => file.results.map(result => ({ result, file })))
  const chosen = {
    baseline: names.baseline === undefined ? undefined : find(all, names.baseline, 'baseline'),
    candidate: names.candidate === undefined ? undefined : find(all, names.candidate, 'candidate')
  }
  if (chosen.baseline !== undefined && chosen.baseline === chosen.candidate) {
    throw new InputError(
      `--baseline and --candidate pick the same result (${JSON.stringify(resultName(chosen.baseline.result))}); name them by parameters.group, or leave them out to compare by position`
    )
  }
  // Unnamed sides take the first results not already chosen, in file order.
  const rest = all.filter(entry => entry !== chosen.baseline && entry !== chosen.candidate)
  const baseline = chosen.baseline ?? rest.shift()!
  const candidate = chosen.candidate ?? rest.shift()!
  return {
    baseline: baseline.result,
    candidate: candidate.result,
    names: labels(baseline, candidate),
    leftOut: rest.map(entry => resultName(entry.result) || '(a result without a command)')
  }
}

type Entry = { result: ParsedResult; file: ParsedFile }

/**
 * Names for the two sides: their `parameters.group` or command when those differ;
 * else the names of their files when they come from two differently named files;
 * else "baseline" and "candidate".
 */
function labels(baseline: Entry, candidate: Entry): { baseline: string; candidate: string } {
  const own = [resultName(baseline.result), resultName(candidate.result)]
  if (own[0] !== '' && own[1] !== '' && own[0] !== own[1]) {
    return { baseline: own[0]!, candidate: own[1]! }
  }
  const stems = [baseline.file, candidate.file].map(file =>
    basename(file.path).replace(/\.json$/i, '')
  )
  if (baseline.file !== candidate.file && stems[0] !== stems[1]) {
    return { baseline: stems[0]!, candidate: stems[1]! }
  }
  return { baseline: 'baseline', candidate: 'candidate' }
}

function find(entries: readonly Entry[], name: string, flag: string): Entry {
  const found =
    entries.find(entry => entry.result.parameters.group === name) ??
    entries.find(entry => entry.result.command === name)
  if (found) return found
  const known = entries.map(entry => JSON.stringify(resultName(entry.result))).join(', ')
  throw new InputError(
    `--${flag} ${JSON.stringify(name)} matches no result; the results are ${known}`
  )
}

/** The groups of a sweep read from files: every result, named distinctly, and the baseline. */
export interface SweepSelection {
  groups: ParsedResult[]
  names: string[]
  baseline: number
}

/**
 * Every result of the files as a group of a sweep (docs/sweep.md): the one `--baseline`
 * names (by `parameters.group` or command), else the first, is the baseline; every
 * other is a candidate, in file order.
 */
export function selectSweep(
  files: readonly ParsedFile[],
  options: { baseline?: string }
): SweepSelection {
  const all = files.flatMap(file => file.results.map(result => ({ result, file })))
  const baseline =
    options.baseline === undefined ? all[0]! : find(all, options.baseline, 'baseline')
  const groups = all.map(entry => entry.result)
  return { groups, names: distinctNames(groups), baseline: all.indexOf(baseline) }
}

/**
 * Names that tell the groups of a sweep apart: each result's `parameters.group` or
 * command; where several share it, with their other parameters (`cli (parallelism=50)`,
 * a parameter scan); where those too are shared, with their position (`#3`).
 */
export function distinctNames(results: readonly ParsedResult[]): string[] {
  const own = results.map(result => resultName(result) || '(a result without a command)')
  const withParameters = own.map((name, index) => {
    if (own.filter(other => other === name).length === 1) return name
    const rest = Object.entries(results[index]!.parameters)
      .filter(([key]) => key !== 'group')
      .map(([key, value]) => `${key}=${value}`)
    return rest.length === 0 ? name : `${name} (${rest.join(', ')})`
  })
  return withParameters.map((name, index) =>
    withParameters.filter(other => other === name).length === 1 ? name : `${name} #${index + 1}`
  )
}
