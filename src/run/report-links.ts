import { isRunOfSameRepository } from '../core/run-url'
import type { MultiItem } from '../results/family'

/**
 * Report mode shows a file's own run link (`environment.runUrl`) only when it leads to a
 * run of the reporting job's repository: a fork's code writes the files it reads, and a
 * link elsewhere could be anything (docs/workflows.md, fork pull requests). Others are dropped.
 */
export function keepOwnRunLinks(items: readonly MultiItem[], ownRunUrl: string | undefined): void {
  for (const { results } of items) {
    const url = results.environment?.runUrl
    if (url === undefined) continue
    if (ownRunUrl === undefined || !isRunOfSameRepository(String(url), ownRunUrl)) {
      delete results.environment!.runUrl
    }
  }
}
