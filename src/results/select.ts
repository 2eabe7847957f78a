import { InputError } from '../core/errors'
import { resultName, type ParsedFile, type ParsedResult } from './read'

export interface Selection {
  baseline: ParsedResult
  candidate: ParsedResult
}

/**
 * Picks the two results to compare (SPEC §4): one file with two or more results, or
 * two files with one each. `--baseline`/`--candidate` match `parameters.group` or the
 * exact command; by default the first result is the baseline and the second the
 * candidate.
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
  const all = files.flatMap(file => file.results)
  const chosen = {
    baseline: names.baseline === undefined ? undefined : find(all, names.baseline, 'baseline'),
    candidate: names.candidate === undefined ? undefined : find(all, names.candidate, 'candidate')
  }
  if (chosen.baseline !== undefined && chosen.baseline === chosen.candidate) {
    throw new InputError(
      `--baseline and --candidate pick the same result (${JSON.stringify(resultName(chosen.baseline))})`
    )
  }
  // Unnamed sides take the first results not already chosen, in file order.
  const rest = all.filter(result => result !== chosen.baseline && result !== chosen.candidate)
  const baseline = chosen.baseline ?? rest.shift()!
  const candidate = chosen.candidate ?? rest.shift()!
  return { baseline, candidate }
}

function find(results: readonly ParsedResult[], name: string, flag: string): ParsedResult {
  const found =
    results.find(result => result.parameters.group === name) ??
    results.find(result => result.command === name)
  if (found) return found
  const known = results.map(result => JSON.stringify(resultName(result))).join(', ')
  throw new InputError(
    `--${flag} ${JSON.stringify(name)} matches no result; the results are ${known}`
  )
}
