/**
 * `bisect` end to end (docs/bisect.md): series of simulated releases served on loopback
 * with the mirror's `versions` list, each step real stacks in a file:// backend. Short
 * runs: a program that starts in 100 ms and one resource of 50 ms, a slowdown of about
 * +200% against a threshold of 50%, so each step decides within a few samples even on a
 * busy machine (3 to 5 samples a group for a slower release, 6 for an equal one). The
 * program's start makes half of each sample a wait, not CPU: with only the simulator's
 * own start (0.13 s of CPU) in it, a busy machine left equal releases undecided.
 * Each test has its own workspace, releases and command-line process. They run one at a
 * time: side by side, their noise left steps between equal releases undecided.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, type TestContext } from 'vitest'
import type { BisectResults } from '../../src/results/bisect'
import { withoutRunnerVariables } from '../helpers/action-runner'
import { archiveRequests, releaseSeries, seriesVersion } from '../helpers/bisect-releases'
import { leftovers, processesMentioning, waitUntil } from '../helpers/cancel-scenarios'
import { cliProcess } from '../helpers/cli'
import {
  startReleases,
  writeSimBinaryFolder,
  type Releases,
  type SimRelease
} from '../helpers/pulumi-releases'
import { CLI, makeWorkspace, stackConfigFiles, type Workspace } from '../helpers/pulumi-run'

/** `up` of a slow release costs 12× per resource: about 3× the fast one's time, starts included. */
const SLOWER = 12

/**
 * A workspace and a release server of the test's own, both gone when it ends (the test's
 * own `onTestFinished`: the global one cannot tell tests running side by side apart).
 */
async function setUp(
  test: TestContext,
  releases: SimRelease[]
): Promise<{ workspace: Workspace; series: Releases }> {
  const workspace = await makeWorkspace()
  test.onTestFinished(() => workspace.remove())
  const series = await startReleases({ releases })
  test.onTestFinished(() => series.close())
  return { workspace, series }
}

function bisectArgs(
  workspace: Workspace,
  series: Releases,
  flags: Record<string, string>
): string[] {
  const all: Record<string, string> = {
    program: workspace.program,
    'pulumi-download-url': series.server.url,
    'backend-url': workspace.backendUrl,
    'results-file': workspace.resultsFile,
    config: 'resources: 1\nlatencyMs: 50\nprogramStartMs: 100',
    threshold: '50%',
    samples: '16',
    warmup: '0',
    format: 'json',
    ...flags
  }
  return ['bisect', ...Object.entries(all).flatMap(([name, value]) => [`--${name}`, value])]
}

async function bisectCli(workspace: Workspace, series: Releases, flags: Record<string, string>) {
  const result = await cliProcess(bisectArgs(workspace, series, flags), workspace.runnerEnv)
  const file = JSON.parse(readFileSync(workspace.resultsFile, 'utf8')) as BisectResults
  return { ...result, file }
}

async function bisect(test: TestContext, count: number, slowdowns: Record<number, number>) {
  const { workspace, series } = await setUp(test, releaseSeries(count, slowdowns))
  const result = await bisectCli(workspace, series, {
    good: seriesVersion(0),
    bad: seriesVersion(count - 1)
  })
  return { ...result, workspace, series }
}

function expectNothingLeft(workspace: Workspace): void {
  expect(leftovers(workspace.backendDir)).toEqual({ stacks: [], cloud: [] })
  expect(stackConfigFiles(workspace.program)).toEqual([])
}

describe('bisect', () => {
  describe('bisect over simulated releases', () => {
    // Every split of 2 to 60 releases is test/run/bisect-search.test.ts's; this is the run.
    it('locates the release whose up got slower among 12, within ⌈log₂ 12⌉ + 2 comparisons', async test => {
      const { status, stdout, stderr, file, workspace, series } = await bisect(test, 12, {
        2: SLOWER
      })

      expect(status, stderr).toBe(1)
      expect(JSON.parse(stdout)).toEqual(file)
      expect(file.bisect.versions).toHaveLength(12)
      expect(file.bisect.end).toEqual({ kind: 'located', fast: 1, slow: 2 })
      expect(file.steps.length).toBeLessThanOrEqual(Math.ceil(Math.log2(12)) + 2)
      expect(file.bisect.comparisonAlpha).toBeCloseTo(0.05 / file.bisect.comparisons)
      // Every step was tested at the family's share of alpha.
      for (const step of file.steps) {
        expect(step.results.comparison.alpha).toBeCloseTo(file.bisect.comparisonAlpha)
      }
      // Good is installed once and reused from the tool cache by every later step.
      const fetched = archiveRequests(series.server)
      expect(new Set(fetched).size).toBe(fetched.length)
      expect(fetched).toHaveLength(1 + file.steps.length)
      expect(stderr).toContain(`Pulumi ${seriesVersion(0)}: found in the tool cache`)
      expectNothingLeft(workspace)
    }, 480_000)

    it('says when bad is not slower than good, and exits 0 after the one comparison', async test => {
      const { status, stderr, file, workspace } = await bisect(test, 6, {})

      expect(status, stderr).toBe(0)
      expect(file.bisect.end).toEqual({ kind: 'not-confirmed', verdict: 'unchanged' })
      expect(file.steps.map(step => step.role)).toEqual(['confirm'])
      expectNothingLeft(workspace)
    }, 120_000)

    it('finds one of two slowdowns and says the range may hold more', async test => {
      // 3.183.0 makes up's cost per resource 12×, 3.185.0 3× that again: bad's change
      // (about 7×) is so much larger than the first (3×) that the intervals part. Six
      // samples a step, no early stop: an interval at a 3-sample look, at its tiny level,
      // can be wide enough to reach both. A threshold of 70%, between the two ratios a
      // step tells apart (1 and 3): with no later look to wait for, one sample slowed by
      // a busy machine must not leave a step undecided.
      const { workspace, series } = await setUp(test, releaseSeries(5, { 2: SLOWER, 4: 3 }))
      const { status, stdout, stderr, file } = await bisectCli(workspace, series, {
        good: seriesVersion(0),
        bad: seriesVersion(4),
        format: 'text',
        threshold: '70%',
        samples: '6',
        looks: '1'
      })

      expect(status, stderr).toBe(1)
      // The middle (3.183.0) already has the first slowdown, so the search goes left of it.
      expect(file.bisect.end).toEqual({ kind: 'located', fast: 1, slow: 2 })
      expect(file.bisect.moreSuspected).toBe(true)
      expect(stdout, stdout).toContain('The range may hold more than one slowdown')
      expect(stdout).toContain(
        `Bisect again from ${seriesVersion(2)} (good) to ${seriesVersion(4)}`
      )
      expect(stdout).toContain(
        `https://github.com/pulumi/pulumi/compare/v${seriesVersion(1)}...v${seriesVersion(2)}`
      )
      expectNothingLeft(workspace)
    }, 180_000)
  })

  describe('bisect with bad input', () => {
    it('names an end the release list does not hold, in one line, exit 2', async test => {
      const { workspace, series } = await setUp(test, releaseSeries(3, {}))
      const { status, stdout, stderr } = await cliProcess(
        bisectArgs(workspace, series, { good: seriesVersion(0), bad: '3.299.0' }),
        workspace.runnerEnv
      )

      expect(status).toBe(2)
      expect(stdout).toBe('')
      expect(stderr).not.toMatch(/\n\s+at /)
      expect(stderr.trim().split('\n').slice(-1)).toEqual([
        `pulumi-perf-gate: bad: 3.299.0 is not a released Pulumi version according to ${series.server.url}/versions; give a version it lists, such as ${seriesVersion(2)}`
      ])
      expect(archiveRequests(series.server)).toEqual([])
    })
  })

  describe('bisect over a list of CLIs', () => {
    it('locates the first slow one of the paths given, without release links', async test => {
      const { workspace, series } = await setUp(test, [])
      const paths = await Promise.all(
        releaseSeries(3, { 2: SLOWER }).map(release =>
          writeSimBinaryFolder(join(workspace.root, 'builds', release.version), release)
        )
      )
      const { status, stdout, stderr, file } = await bisectCli(workspace, series, {
        versions: paths.join(','),
        format: 'text'
      })

      expect(status, stderr).toBe(1)
      expect(file.bisect).toMatchObject({ source: 'list', versions: paths })
      expect(file.bisect.end).toEqual({ kind: 'located', fast: 1, slow: 2 })
      expect(stdout).toContain(`First slow: ${paths[2]}`)
      expect(stdout).not.toContain('github.com')
      expect(series.server.requests).toEqual([])
      expectNothingLeft(workspace)
    }, 180_000)
  })

  describe('bisect cancelled', () => {
    it('leaves no stack, resource or process when interrupted in its second step', async test => {
      const { workspace, series } = await setUp(test, releaseSeries(8, { 5: SLOWER }))
      const toolCache = workspace.runnerEnv.RUNNER_TOOL_CACHE
      const child = spawn(
        process.execPath,
        [CLI, ...bisectArgs(workspace, series, { good: seriesVersion(0), bad: seriesVersion(7) })],
        {
          env: { ...withoutRunnerVariables(process.env), ...workspace.runnerEnv },
          stdio: ['ignore', 'ignore', 'pipe']
        }
      )
      let stderr = ''
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
      const exited = once(child, 'exit') as Promise<[number | null]>
      const ended = () => (child.exitCode === null ? undefined : `it ended:\n${stderr}`)
      // In step 2, once it measures: its stacks exist and a sample has run.
      await waitUntil('step 2 measures', () => /Step 2:[\s\S]*sample 1\//.test(stderr), {
        stop: ended,
        timeoutMs: 90_000
      })
      child.kill('SIGINT')
      const [code] = await exited

      expect(code, stderr).toBe(1)
      expect(stderr).not.toContain('Step 3:')
      await waitUntil('no simulated pulumi runs', async () => {
        return (await processesMentioning(toolCache)).length === 0
      })
      expectNothingLeft(workspace)
      const file = JSON.parse(readFileSync(workspace.resultsFile, 'utf8')) as BisectResults
      expect(file.steps).toHaveLength(1)
      expect(file.bisect.error).toMatch(/abort|interrupt|cancel/i)
    }, 180_000)
  })
})
