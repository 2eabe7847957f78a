/**
 * Every phase of a Pulumi run end to end (docs/phases.md): the command line against
 * the simulated releases, then the state of each stack before every command, read from
 * the simulator's log.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ResultsFile } from '../../src/results/schema'
import { cli } from '../helpers/cli'
import {
  appendLine,
  readSimLog,
  runArgs,
  simLogPath,
  stackFiles,
  pulumiTestContext,
  type SimLogEntry
} from '../helpers/pulumi-run'

const context = pulumiTestContext()

/** `resources: 30` from --config, plus the stack resource and the provider's default provider. */
const DEPLOYED = 32

/** What the simulator logged of one cycle: each command and the resources before it. */
function describeEntry(entry: SimLogEntry): string {
  if (entry.command === 'prepare') return 'prepare'
  return `${entry.command} ${entry.resourcesBefore}→${entry.resourcesAfter}`
}

describe('run with all five phases', () => {
  it('runs each cycle in order on a stack empty before up and deployed before the rest', async () => {
    const log = simLogPath(context.workspace.backendDir)
    const { status, stderr } = await cli(
      runArgs(context.workspace, context.releases.server.url, {
        phases: 'destroy, refresh\nupdate preview,up',
        config: 'resources: 30\nlatencyMs: 20',
        samples: '3',
        looks: '1',
        'stack-prefix': 'phases',
        prepare: appendLine(log, { command: 'prepare' }),
        'fail-on': 'never'
      }),
      { ...context.workspace.runnerEnv }
    )
    expect(status, stderr).toBe(0)

    // One result per group and phase, phase by phase in the order listed.
    const results = JSON.parse(readFileSync(context.workspace.resultsFile, 'utf8')) as ResultsFile
    const listed = ['destroy', 'refresh', 'update', 'preview', 'up']
    expect(
      results.results.map(result => [result.parameters.phase, result.parameters.group])
    ).toEqual(
      listed.flatMap(phase => [
        [phase, 'baseline'],
        [phase, 'candidate']
      ])
    )
    for (const result of results.results) {
      expect(result.times).toHaveLength(3)
      // Each phase carries its own CPU and memory, a figure per sample.
      if (process.platform === 'linux') expect(result.user_times).toHaveLength(3)
    }
    expect(results.results[0]!.command).toMatch(
      /^pulumi destroy --yes --skip-preview --non-interactive --stack phases-baseline$/
    )
    expect(results.results[7]!.command).toMatch(
      /^pulumi preview --non-interactive --stack phases-candidate$/
    )
    expect(Object.keys(results.phases!)).toEqual(listed)
    expect(results.comparison).toEqual(results.phases!.destroy)
    expect(results.family).toMatchObject({ size: 5, verdicts: expect.any(Object) })
    expect(Object.keys(results.family!.pAdjusted)).toEqual(listed)
    // The schedule names the phase of every timed command: 2 warmups and 6 samples, 5 each.
    expect(results.schedule).toHaveLength(8 * 5)
    expect(results.schedule![0]).toMatchObject({ group: 'baseline', index: -1, phase: 'up' })

    // Each cycle, whatever the order listed: prepare, up on the empty stack, then
    // preview, a no-op update and refresh on the deployed one, and the destroy that
    // empties it again.
    const cycle = [
      'prepare',
      `up 0→${DEPLOYED}`,
      `preview ${DEPLOYED}→${DEPLOYED}`,
      `up ${DEPLOYED}→${DEPLOYED}`,
      `refresh ${DEPLOYED}→${DEPLOYED}`,
      `destroy ${DEPLOYED}→0`
    ]
    const entries = readSimLog(context.workspace.backendDir)
    const cycles = entries.filter(entry => entry.command !== 'export')
    // Warmups baseline, candidate; then samples AB, BA, AB: eight cycles, then the
    // teardown's destroy of each (already empty) stack.
    const order = [
      'baseline',
      'candidate',
      'baseline',
      'candidate',
      'candidate',
      'baseline',
      'baseline',
      'candidate'
    ]
    for (const [index, group] of order.entries()) {
      const of = cycles.slice(index * cycle.length, (index + 1) * cycle.length)
      expect(of.map(describeEntry), `cycle ${index + 1}`).toEqual(cycle)
      for (const entry of of.slice(1)) expect(entry.stack).toBe(`phases-${group}`)
    }
    const updates = entries.filter(entry => entry.command === 'up' && entry.resourcesBefore !== 0)
    expect(updates).toHaveLength(8)
    for (const update of updates) expect(update).toMatchObject({ created: 0, deleted: 0, same: 30 })
    expect(cycles.slice(order.length * cycle.length).map(describeEntry)).toEqual([
      'destroy 0→0',
      'destroy 0→0'
    ])
    expect(stackFiles(context.workspace.backendDir)).toEqual([])
  })
})
