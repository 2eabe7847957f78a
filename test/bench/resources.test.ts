/**
 * Accuracy of the CPU and memory figures on this machine: workloads of known cost run
 * as grandchildren of the timed process, and each reports its own truth. The bounds
 * are on measured CPU seconds and bytes, never on wall time, so a loaded machine only
 * makes them slower.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { currentMethod } from '../../src/bench/resources/resources'
import type { ResourceUsage } from '../../src/bench/resources/resource-usage'
import { runProcess } from '../../src/bench/process/spawn'

const WORKLOAD = join(import.meta.dirname, 'fixtures', 'resource-workload.mjs')
const method = currentMethod()
const measuresMemory = (method.kind === 'procfs' && method.memory) || method.kind === 'bsd-time'

/** Runs the workload as a grandchild of the timed shell: sh → sh → node. */
async function measure(
  workload: string[]
): Promise<{ measured: ResourceUsage; truth: ResourceUsage }> {
  const folder = mkdtempSync(join(tmpdir(), 'perf-gate-resources-'))
  onTestFinished(() => rmSync(folder, { recursive: true, force: true }))
  const truthFile = join(folder, 'truth.jsonl')
  const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`
  const node = [process.execPath, WORKLOAD, ...workload, truthFile].map(quote).join(' ')
  // The trailing ':' keeps each shell from exec'ing its last command, so the tree
  // really has three levels.
  const inner = `${node}; :`
  const outcome = await runProcess(
    { file: 'sh', args: ['-c', `sh -c ${quote(inner)}; :`] },
    { output: 'ignore', timeoutMs: 120_000, measureResources: true }
  )
  if (outcome.kind !== 'exited' || outcome.exitCode !== 0) throw new Error(JSON.stringify(outcome))
  return { measured: outcome.resources ?? {}, truth: JSON.parse(readFileSync(truthFile, 'utf8')) }
}

/** Within 20% of the truth. */
function expectClose(measured: number | undefined, truth: number | undefined): void {
  expect(measured).toBeDefined()
  expect(truth).toBeGreaterThan(0)
  expect(Math.abs(measured! - truth!)).toBeLessThanOrEqual(0.2 * truth!)
}

describe.skipIf(method.kind === 'none')('CPU of a grandchild', () => {
  it('counts user CPU burnt in a grandchild', async () => {
    const { measured, truth } = await measure(['user', '1'])
    expectClose(measured.userSeconds, truth.userSeconds)
  })

  it.runIf(process.platform === 'linux')('counts system CPU burnt in a grandchild', async () => {
    const { measured, truth } = await measure(['system', '0.5'])
    expectClose(measured.systemSeconds, truth.systemSeconds)
  })
})

describe.runIf(measuresMemory)('peak memory of a grandchild', () => {
  it('is the peak resident memory of the largest process of the tree', async () => {
    const { measured, truth } = await measure(['memory', '200', '1'])
    expectClose(measured.maxRssBytes, truth.maxRssBytes)
    // The largest process, not the sum of the tree: the shells add nothing.
    expect(measured.maxRssBytes).toBeGreaterThanOrEqual(200 * 2 ** 20)
  })
})
