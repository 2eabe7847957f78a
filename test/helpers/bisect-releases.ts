/**
 * A series of simulated Pulumi releases for `bisect` (docs/bisect.md): 3.181.0 onwards,
 * each release's `up` as fast as the one before except where a slowdown starts, for
 * `startReleases` to serve with the mirror's `versions` list. Shared by the end-to-end
 * tests and `npm run demo`, so it imports nothing from vitest.
 */
import type { ReleaseServer, SimRelease } from './pulumi-releases'

/** The n-th release of the series: 3.181.0, 3.182.0, … */
export function seriesVersion(index: number): string {
  return `3.${181 + index}.0`
}

/**
 * `count` releases; from each index of `slowdowns` on, `up` costs that factor more per
 * resource (factors multiply: two slowdowns of 2 make the last releases 4× as slow).
 */
export function releaseSeries(count: number, slowdowns: Record<number, number>): SimRelease[] {
  return Array.from({ length: count }, (_, index) => {
    const factor = Object.entries(slowdowns)
      .filter(([from]) => Number(from) <= index)
      .reduce((product, [, each]) => product * each, 1)
    return {
      version: seriesVersion(index),
      ...(factor === 1 ? {} : { phaseFactors: { up: factor } })
    }
  })
}

/** Archives fetched, by file name: each should be asked for once per run. */
export function archiveRequests(server: ReleaseServer): string[] {
  return server.requests.filter(name => name.endsWith('.tar.gz') || name.endsWith('.zip'))
}
