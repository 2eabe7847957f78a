/**
 * Pulumi mode end to end through the command line: real simulated releases downloaded
 * from loopback, real stacks in a file:// backend the test inspects afterwards. Each test
 * has a workspace and a command-line process of its own, so they run side by side.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest'
import type { ResultsFile } from '../../src/results/schema'
import { cliProcess } from '../helpers/cli'
import { startReleases, type Releases } from '../helpers/pulumi-releases'
import {
  BUGGY,
  PYTHON_EXECUTOR,
  FIXED,
  appendLine,
  readSimLog,
  runArgs,
  shellQuote,
  simLogPath,
  stackConfigFiles,
  stackFiles,
  upWorkers,
  makeWorkspace,
  type Workspace
} from '../helpers/pulumi-run'

let releases: Releases
beforeAll(async () => {
  releases = await startReleases()
})
afterAll(() => releases.close())

/** A workspace of the test's own, removed when it ends. */
async function ownWorkspace(test: TestContext): Promise<Workspace> {
  const workspace = await makeWorkspace()
  test.onTestFinished(() => workspace.remove())
  return workspace
}

async function gate(workspace: Workspace, overrides: Record<string, string | undefined> = {}) {
  const result = await cliProcess(
    runArgs(workspace, releases.server.url, overrides),
    workspace.runnerEnv
  )
  const results = JSON.parse(readFileSync(workspace.resultsFile, 'utf8')) as ResultsFile
  return { ...result, results }
}

function sampleCount(results: ResultsFile): number {
  return results.results.reduce((total, group) => total + group.times.length, 0)
}

/** Asserts the backend holds no stack any more and the program folder no stack config. */

function expectNothingLeft(workspace: Workspace): void {
  expect(stackFiles(workspace.backendDir)).toEqual([])
  expect(stackConfigFiles(workspace.program)).toEqual([])
}

describe('run in Pulumi mode', { concurrent: true }, () => {
  it('measures both versions, finds the fixed one faster, and leaves no stack behind', async test => {
    const workspace = await ownWorkspace(test)
    const log = simLogPath(workspace.backendDir)
    // Both markers go into the simulator's own log, so they sit in order among its
    // destroys and ups; cleanup also records how many stack files still exist.
    const stacksDir = path.join(workspace.backendDir, '.pulumi', 'stacks')
    const cleanup = `printf '{"command":"cleanup","stacksLeft":%d}\\n' "$(find ${shellQuote(stacksDir)} -type f 2>/dev/null | wc -l)" >> ${shellQuote(log)}`
    const { status, stdout, stderr, results } = await gate(workspace, {
      prepare: appendLine(log, { command: 'prepare' }),
      cleanup
    })

    expect(status, stderr).toBe(0)
    expect(JSON.parse(stdout)).toEqual(results)
    expect(results.results.map(group => [group.parameters.group, group.version])).toEqual([
      ['baseline', BUGGY],
      ['candidate', FIXED]
    ])
    const [baseline, candidate] = results.results
    expect(baseline!.times.length).toBeGreaterThanOrEqual(2)
    expect(candidate!.times).toHaveLength(baseline!.times.length)
    if (process.platform === 'linux') {
      // Pulumi samples carry their CPU like any other, one figure per sample.
      for (const group of [baseline!, candidate!]) {
        expect(group.user_times).toHaveLength(group.times.length)
        expect(group.user).toBeGreaterThan(0)
      }
    }
    expect(results.comparison.verdict).toBe('improvement')
    expect(results.comparison.ratio.value).toBeLessThan(1)

    const entries = readSimLog(workspace.backendDir)
    const ups = entries.filter(entry => entry.command === 'up')
    expect(ups).toHaveLength(2 + sampleCount(results)) // one warmup per group
    for (const [index, entry] of entries.entries()) {
      if (entry.command !== 'up') continue
      // The user's prepare, the timed up on the empty stack, then the built-in destroy
      // that empties it again, every time.
      expect(entries[index - 1]?.command).toBe('prepare')
      expect(entry.resourcesBefore).toBe(0)
      // `resources: 100` from --config (the default is 200), plus the stack resource and
      // the provider's default provider resource.
      expect(entry.resourcesAfter).toBe(102)
      expect(entries[index + 1]).toMatchObject({
        command: 'destroy',
        stack: entry.stack,
        resourcesAfter: 0
      })
    }
    // Each group's stack (`<prefix>-<group>`) is only ever run by the group's version.
    const groupVersions = ups.map(entry => `${entry.stack?.replace(/^.*-/, '')} ${entry.version}`)
    expect(new Set(groupVersions)).toEqual(new Set([`baseline ${BUGGY}`, `candidate ${FIXED}`]))
    // No --parallel given: 3.43.1's cap is Python's default executor, 3.44.3 has none.
    expect(upWorkers(entries, BUGGY)).toEqual(new Set([PYTHON_EXECUTOR]))
    expect(upWorkers(entries, FIXED)).toEqual(new Set([null]))

    // Teardown: every stack destroyed again after its last cycle and its export checked
    // empty before it is removed, then the user's cleanup once, last of all, when no
    // stack file is left.
    for (const stack of new Set(ups.map(entry => entry.stack))) {
      const ofStack = entries.filter(entry => entry.stack === stack)
      expect(ofStack.slice(-2)).toMatchObject([
        { command: 'destroy', resourcesAfter: 0 },
        { command: 'export', resourcesAfter: 0, pendingOperations: 0 }
      ])
    }
    expect(entries.filter(entry => entry.command === 'cleanup')).toHaveLength(1)
    expect(entries.at(-1)).toEqual({ command: 'cleanup', stacksLeft: 0 })
    expectNothingLeft(workspace)
  })

  it('fails with a regression when the buggy version is the candidate, passing --parallel to both', async test => {
    const workspace = await ownWorkspace(test)
    const { status, stdout, results } = await gate(workspace, {
      'baseline-version': FIXED,
      'candidate-version': BUGGY,
      parallel: '50'
    })

    expect(status).toBe(1)
    expect(JSON.parse(stdout)).toEqual(results)
    expect(results.comparison.verdict).toBe('regression')
    expect(results.comparison.ratio.value).toBeGreaterThan(1)
    for (const group of results.results) expect(group.command).toMatch(/ --parallel 50$/)
    const entries = readSimLog(workspace.backendDir)
    // 3.44.3 is unbounded otherwise (null), so 50 can only come from --parallel.
    expect(upWorkers(entries, FIXED)).toEqual(new Set([50]))
    expect(upWorkers(entries, BUGGY)).toEqual(new Set([Math.min(PYTHON_EXECUTOR, 50)]))
    expectNothingLeft(workspace)
  })

  it('without --backend-url uses a fresh local backend per group under RUNNER_TEMP, then removes them', async test => {
    const workspace = await ownWorkspace(test)
    const seen = path.join(workspace.root, 'backend-urls.txt')
    const { status, stderr, results } = await gate(workspace, {
      'backend-url': undefined,
      prepare: `printf '%s\\n' "$PULUMI_BACKEND_URL" >> ${shellQuote(seen)}`
    })

    expect(status, stderr).toBe(0)
    expect(results.comparison.verdict).toBe('improvement')
    // One backend per group, every sample of a group on its own: versions either side of
    // Pulumi's backend layout change never share one.
    const urls = [...new Set(readFileSync(seen, 'utf8').trim().split('\n'))]
    expect(urls).toHaveLength(2)
    const dirs = urls.map(url => {
      expect(url).toMatch(/^file:\/\//)
      return url.slice('file://'.length)
    })
    expect(dirs.map(dir => path.basename(dir)).sort()).toEqual(['baseline', 'candidate'])
    const own = path.dirname(dirs[0]!)
    expect(path.dirname(dirs[1]!)).toBe(own)
    expect(path.relative(workspace.runnerEnv.RUNNER_TEMP, own)).not.toMatch(/^\.\./)
    // Emptied and removed with the run's scratch folder.
    expect(existsSync(own)).toBe(false)
    // The backend the other tests pass explicitly was not used.
    expect(readdirSync(workspace.backendDir)).toEqual([])
  })
})
