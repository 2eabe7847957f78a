/**
 * Pulumi mode when a run cannot finish: a failing `pulumi up` (from the start or in the
 * middle). Each time the stacks must still be destroyed and removed, the user's cleanup
 * must run and the results file must hold what was measured. Signals are in
 * pulumi-signals.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { PartialResultsFile } from '../../src/results/build/partial'
import { cli } from '../helpers/cli'
import { readSimCloud } from '../helpers/sim-cloud'
import {
  BUGGY,
  FIXED,
  readSimLog,
  runArgs,
  shellQuote,
  stackConfigFiles,
  stackFiles,
  pulumiTestContext
} from '../helpers/pulumi-run'

const context = pulumiTestContext()

function readResults(): PartialResultsFile {
  return JSON.parse(readFileSync(context.workspace.resultsFile, 'utf8')) as PartialResultsFile
}

/** A cleanup command that leaves a file behind, so the test sees it ran. */
function cleanupMarker(): { flag: string; ran: () => boolean } {
  const marker = path.join(context.workspace.root, 'cleanup-ran')
  return { flag: `touch ${shellQuote(marker)}`, ran: () => existsSync(marker) }
}

function expectTornDown(cleanupRan: boolean): void {
  expect(stackFiles(context.workspace.backendDir)).toEqual([])
  expect(stackConfigFiles(context.workspace.program)).toEqual([])
  expect(cleanupRan).toBe(true)
}

describe('a failing pulumi up', () => {
  it('exits 1 with one error line carrying the exit code and the log, and cleans up', async () => {
    const cleanup = cleanupMarker()
    const { status, stdout, stderr } = await cli(
      runArgs(context.workspace, context.releases.server.url, {
        config: 'resources: 10\nlatencyMs: 10\nfailUp: "true"',
        cleanup: cleanup.flag
      }),
      { ...context.workspace.runnerEnv }
    )

    expect(status).toBe(1)
    // --format json prints the results file, that of a run that did not finish too.
    expect(JSON.parse(stdout)).toMatchObject({ error: expect.stringMatching(/exit code/) })
    const errors = stderr.split('\n').filter(line => line.startsWith('pulumi-perf-gate:'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      /^pulumi-perf-gate: baseline warmup run 1 of 1 \(.*pulumi up --yes .*\) failed with exit code 255\.$/
    )
    expect(stderr).toMatch(/Last \d+ lines of .*baseline\.log:/)
    expect(stderr).toContain('error: update failed: provider-sleep-python:failUp is set')
    expect(stderr).not.toMatch(/^\s+at /m) // no stack trace

    const results = readResults()
    expect(results.error).toContain('failed with exit code 255')
    expect(results.results.map(group => [group.version, group.times])).toEqual([
      [BUGGY, []],
      [FIXED, []]
    ])
    expect(readSimLog(context.workspace.backendDir).filter(entry => entry.failed)).toHaveLength(1)
    expectTornDown(cleanup.ran())
  })

  it('keeps the samples measured before it in the results file', async () => {
    // The fifth prepare (before the candidate's second sample: warmups, then AB, BA)
    // switches failUp on for both stacks, so that sample's up fails.
    const counter = path.join(context.workspace.root, 'prepares')
    const failFromNowOn = ['e2e-baseline', 'e2e-candidate']
      .map(stack => `pulumi config set --stack ${stack} failUp true`)
      .join(' && ')
    const prepare = `echo . >> ${shellQuote(counter)}; if [ "$(wc -l < ${shellQuote(counter)})" -ge 5 ]; then ${failFromNowOn}; fi`
    const cleanup = cleanupMarker()
    const { status, stderr } = await cli(
      runArgs(context.workspace, context.releases.server.url, {
        'stack-prefix': 'e2e',
        config: 'resources: 10\nlatencyMs: 10',
        prepare,
        cleanup: cleanup.flag
      }),
      { ...context.workspace.runnerEnv }
    )

    expect(status).toBe(1)
    expect(stderr).toMatch(
      /^pulumi-perf-gate: candidate sample 2 of 8 \(.*\) failed with exit code 255\.$/m
    )
    const results = readResults()
    expect(results.error).toMatch(/^candidate sample 2 of 8 .* failed with exit code 255/)
    const [baseline, candidate] = results.results
    expect(baseline!.times).toHaveLength(1)
    expect(candidate!.times).toHaveLength(1)
    expect(baseline!.mean).toBe(baseline!.times[0])
    expect(candidate!.exit_codes).toEqual([0])
    expectTornDown(cleanup.ran())
  })
})

describe('a pulumi up that times out', () => {
  it('is killed before 3.87, so what it was creating stays in its state: the stack is kept and named', async () => {
    // Creates whose resources exist after 0.5 s and are ready 5 s later: a timeout of 3 s
    // stops 3.43.1's first up with all four in the cloud. Its SIGINT would drop them from
    // the state (its providers are killed); killed outright, it leaves them pending.
    const { status, stderr } = await cli(
      runArgs(context.workspace, context.releases.server.url, {
        config: 'resources: 4\nlatencyMs: 500\nreadyMs: 5000',
        timeout: '0.05',
        warmup: '0',
        samples: '3'
      }),
      { ...context.workspace.runnerEnv }
    )

    expect(status, stderr).toBe(1)
    expect(stderr).toMatch(/timed out after 3\.0 s/)
    const cloud = readSimCloud(context.workspace.backendDir)
    expect(cloud.length).toBeGreaterThan(0)
    // Nothing is lost: every resource in the cloud is in the state of a stack kept for
    // it, exported next to the results file, and the error names that stack.
    for (const stack of new Set(cloud.map(resource => resource.stack))) {
      expect(stderr).toMatch(new RegExp(`stack ${stack} .*pending`))
      const exported = JSON.parse(
        readFileSync(
          path.join(path.dirname(context.workspace.resultsFile), `${stack}.state.json`),
          'utf8'
        )
      ) as { deployment: { pending_operations?: Array<{ resource: { urn: string } }> } }
      const pending = new Set(
        exported.deployment.pending_operations?.map(operation => operation.resource.urn)
      )
      for (const resource of cloud.filter(resource => resource.stack === stack)) {
        expect(pending).toContain(resource.urn)
      }
    }
  })
})
