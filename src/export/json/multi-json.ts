/**
 * Report mode as JSON data (`report --format json` prints it): the overall verdict and headline, each
 * finished benchmark's results file with its adjusted p, and each run that did not
 * finish, by file, so a script sees every file the report read. Pure.
 */
import type { JoinedResults } from '../../results/family'
import { joinedHeadline } from '../../report/multi-model'

export function multiReportJson(joined: JoinedResults) {
  return {
    ...joinedHeadline(joined),
    benchmarks: joined.items.map(({ results, pAdjusted }) => ({ ...results, pAdjusted })),
    unfinished: joined.unfinished.map(({ benchmark, path, error }) => ({ benchmark, path, error }))
  }
}
