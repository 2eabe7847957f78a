import { dirname, join } from 'node:path'

/** The commands' logs stay next to the results: users upload them together. */
export function runLogDir(resultsFile: string): string {
  return join(dirname(resultsFile), 'logs')
}
