/**
 * The bundled command line interrupted while a `pulumi up` has creates in flight, or a
 * `refresh` or `destroy` reads or deletes: it forwards one SIGINT (none to a Pulumi before
 * 3.87, which it lets finish), lets Pulumi finish what it started, destroys and removes
 * its stacks and exits non-zero by itself; nothing is left in the backend or the cloud.
 */
import { readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { PartialResultsFile } from '../../src/results/build/partial'
import { useServedReleases } from '../helpers/file-setup'
import { interruptedCli, makeScratch } from '../helpers/cancel-scenarios'
import { type ReleaseServer } from '../helpers/pulumi-releases'

let work: string
let releases: ReleaseServer

// 3.87.0 and 3.88.0: Pulumis whose first SIGINT cancels their providers, so a second
// one is theirs too; before 3.87 the first Ctrl-C spares Pulumi (pulumiPhaseStop).
const CANCELLING = { baseline: '3.87.0', candidate: '3.88.0' }

useServedReleases(
  'ppg-signals-e2e-',
  served => {
    work = served.work
    releases = served.releases
  },
  {
    releases: ['3.43.1', '3.44.3', CANCELLING.baseline, CANCELLING.candidate].map(version => ({
      version
    }))
  }
)

// Concurrent: each test has its own backend, tool cache and CLI, and waits mostly on the
// simulated creates (1.5 s each), so five at once take about as long as the slowest.
describe.skipIf(process.platform === 'win32')(
  'the command line interrupted while Pulumi works',
  { concurrent: true },
  () => {
    it.each(['SIGINT', 'SIGTERM'] as const)(
      'on %s stops gracefully, removes its stacks, leaves nothing and exits non-zero',
      async signal => {
        const scratch = makeScratch(work)
        const {
          code,
          signal: killedBy,
          stderr,
          left
        } = await interruptedCli(releases.url, scratch, signal, { versions: CANCELLING })

        expect(killedBy).toBeNull() // it exited by itself
        expect(code, stderr).toBe(1)
        expect(stderr).toContain(`Received ${signal}`)
        expect(left).toEqual({ stacks: [], cloud: [] })
        const results = JSON.parse(readFileSync(scratch.resultsFile, 'utf8')) as PartialResultsFile
        expect(results.error).toMatch(/abort/)
      }
    )

    it.each(['refresh', 'destroy'] as const)(
      'mid-%s, timing every phase, is as safe: it finishes, removes its stacks, leaves nothing',
      async during => {
        const scratch = makeScratch(work)
        const { code, stderr, left } = await interruptedCli(releases.url, scratch, 'SIGINT', {
          during,
          versions: CANCELLING
        })

        expect(code, stderr).toBe(1)
        expect(stderr).toContain('Received SIGINT')
        expect(stderr).toMatch(new RegExp(`aborted during \\w+ ${during} in sample 1 of 4`))
        expect(left).toEqual({ stacks: [], cloud: [] })
        const results = JSON.parse(readFileSync(scratch.resultsFile, 'utf8')) as PartialResultsFile
        expect(results.error).toMatch(/abort/)
      }
    )

    it('on a second Ctrl-C stops Pulumi at once, starts nothing more, and names the kept stacks', async () => {
      const scratch = makeScratch(work)
      const { code, stderr, left } = await interruptedCli(releases.url, scratch, 'SIGINT', {
        twice: true,
        versions: CANCELLING
      })

      expect(code, stderr).toBe(1)
      expect(stderr).toContain('Received SIGINT again')
      const kept = stderr.split('\n').filter(line => / was kept; /.test(line))
      expect(kept).toHaveLength(2)
      // Whatever exists in the cloud is in a kept state, as a resource or a pending create.
      const known = new Set<string>()
      for (const stack of new Set(left.stacks.map(file => basename(file, '.json')))) {
        const state = JSON.parse(
          readFileSync(join(dirname(scratch.resultsFile), `${stack}.state.json`), 'utf8')
        ) as ExportedState
        for (const resource of state.deployment?.resources ?? []) known.add(resource.urn)
        for (const op of state.deployment?.pending_operations ?? []) known.add(op.resource.urn)
      }
      // The signals came with creates in flight: the cloud holds something to account for.
      expect(left.cloud.length).toBeGreaterThan(0)
      for (const resource of left.cloud) expect(known).toContain(resource.urn)
      expect(left.stacks).toHaveLength(2)
    })

    it('before 3.87 lets Pulumi finish on the first Ctrl-C, and stops it on the second', async () => {
      const scratch = makeScratch(work)
      const { code, stderr, left } = await interruptedCli(releases.url, scratch, 'SIGINT', {
        twice: true
      })

      expect(code, stderr).toBe(1)
      expect(stderr).toMatch(/pulumi up .*\(pid \d+\) is left to finish: before 3\.87/)
      expect(stderr).toContain('Received SIGINT again')
      // The second Ctrl-C is Pulumi's first: it kills its providers, so the creates in
      // flight fail, and the stacks are kept as a second Ctrl-C asks.
      expect(stderr.split('\n').filter(line => / was kept; /.test(line))).toHaveLength(2)
      expect(left.cloud).toEqual([])
    })
  }
)

interface ExportedState {
  deployment: {
    resources?: Array<{ urn: string }>
    pending_operations?: Array<{ resource: { urn: string } }>
  } | null
}
