/**
 * Report mode as JSON (`report --format json`): the overall verdict and headline, each
 * finished benchmark's results file with its adjusted p, and each run that did not
 * finish, by file, so a script sees every file the report read. Pure.
 */
import type { JoinedResults } from '../results/family'
import { joinedHeadline } from './multi'

export function renderMultiJson(joined: JoinedResults): string {
  const report = {
    ...joinedHeadline(joined),
    benchmarks: joined.items.map(({ results, pAdjusted }) => ({ ...results, pAdjusted })),
    unfinished: joined.unfinished.map(({ benchmark, path, error }) => ({ benchmark, path, error }))
  }
  return `${JSON.stringify(report, null, 2)}\n`
}
