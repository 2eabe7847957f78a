/**
 * Shared setup of the Pulumi-mode end-to-end tests: the simulated releases served on
 * loopback, and per test a fresh "runner" (tool cache, temp folder), a copy of
 * fixtures/programs/provider-sleep-python (Python resources of a provider plugin: the
 * shape on which the seed's fix shows on real Pulumi too) and an empty `file://` backend
 * the test can inspect.
 */
import { execFile } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest'
import { startReleases, type Releases } from './pulumi-releases'

export { startReleases, type Releases }

const run = promisify(execFile)

const PROGRAM = fileURLToPath(
  new URL('../../fixtures/programs/provider-sleep-python/', import.meta.url)
)
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
/** The project name in the program's Pulumi.yaml. */
export const PROJECT = 'provider-sleep-python'
/**
 * The seed's pair (test/helpers/pulumi-releases.ts): 3.43.1 registers a Python program's
 * resources through Python's default executor, min(32, CPUs + 4) threads.
 */
export const BUGGY = '3.43.1'
export const FIXED = '3.44.3'
/** Python's default executor on this machine: how many resources 3.43.1 registers at once. */
export const PYTHON_EXECUTOR = Math.min(32, availableParallelism() + 4)

export interface Workspace {
  root: string
  /** A copy of the program: `config set` writes Pulumi.<stack>.yaml next to Pulumi.yaml. */
  program: string
  backendDir: string
  backendUrl: string
  resultsFile: string
  /**
   * RUNNER_TOOL_CACHE and RUNNER_TEMP of this test, so simulated CLIs never land in a
   * real tool cache. Spawned CLIs get them; in-process runs must put them in
   * process.env too, which the installer reads.
   */
  runnerEnv: { RUNNER_TOOL_CACHE: string; RUNNER_TEMP: string }
  remove(): Promise<void>
}

export async function makeWorkspace(): Promise<Workspace> {
  const root = await mkdtemp(path.join(tmpdir(), 'ppg-e2e-'))
  const program = path.join(root, 'program')
  const backendDir = path.join(root, 'backend')
  const runnerEnv = {
    RUNNER_TOOL_CACHE: path.join(root, 'tool-cache'),
    RUNNER_TEMP: path.join(root, 'runner-temp')
  }
  await cp(PROGRAM, program, { recursive: true })
  await mkdir(backendDir)
  await mkdir(runnerEnv.RUNNER_TEMP)
  return {
    root,
    program,
    backendDir,
    backendUrl: `file://${backendDir}`,
    resultsFile: path.join(root, 'out', 'results.json'),
    runnerEnv,
    remove: () => rm(root, { recursive: true, force: true })
  }
}

/**
 * `run` in Pulumi mode, 3.43.1 against 3.44.3, with runs under a second: 100 resources
 * of 50 ms, so Python's default executor takes 17 rounds on 2 CPUs (4 with its most, 32
 * threads) where 3.44.3 takes one; the 150 ms or more between them stands out of the
 * noise of starting processes on a busy machine.
 * `overrides` replace or add flags; `undefined` drops one (e.g. `backend-url`).
 */
export function runArgs(
  workspace: Workspace,
  downloadUrl: string,
  overrides: Record<string, string | undefined> = {}
): string[] {
  const flags: Record<string, string | undefined> = {
    program: workspace.program,
    'baseline-version': BUGGY,
    'candidate-version': FIXED,
    'pulumi-download-url': downloadUrl,
    'backend-url': workspace.backendUrl,
    'results-file': workspace.resultsFile,
    config: 'resources: 100\nlatencyMs: 50',
    samples: '8',
    format: 'json',
    ...overrides
  }
  return [
    'run',
    ...Object.entries(flags).flatMap(([name, value]) =>
      value === undefined ? [] : [`--${name}`, value]
    )
  ]
}

/** One line of the simulator's `.pulumi/sim-log.jsonl` (or a marker a test appended). */
export interface SimLogEntry {
  command: string
  stack?: string
  version?: string
  resourcesBefore?: number
  resourcesAfter?: number
  workers?: number | null
  failed?: boolean
  [key: string]: unknown
}

export function simLogPath(backendDir: string): string {
  return path.join(backendDir, '.pulumi', 'sim-log.jsonl')
}

export function readSimLog(backendDir: string): SimLogEntry[] {
  const file = simLogPath(backendDir)
  if (!existsSync(file)) return []
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(line => line !== '')
    .map(line => JSON.parse(line) as SimLogEntry)
}

/** The worker counts the `up`s of one version ran with (null: unbounded). */
export function upWorkers(entries: SimLogEntry[], version: string): Set<number | null | undefined> {
  return new Set(
    entries
      .filter(entry => entry.command === 'up' && entry.version === version)
      .map(entry => entry.workers)
  )
}

/** Every file left under the backend's `.pulumi/stacks/`: one per stack that still exists. */
export function stackFiles(backendDir: string): string[] {
  const stacks = path.join(backendDir, '.pulumi', 'stacks')
  if (!existsSync(stacks)) return []
  return readdirSync(stacks, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile())
    .map(entry => path.join(entry.parentPath, entry.name))
}

/** `Pulumi.<stack>.yaml` files in a program folder (Pulumi.yaml itself excluded). */
export function stackConfigFiles(programDir: string): string[] {
  return readdirSync(programDir).filter(name => /^Pulumi\..+\.ya?ml$/.test(name))
}

/** Quotes a value for bash, so test paths are safe inside `prepare`/`cleanup` commands. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`
}

/** A bash command that appends one JSON line to `file` (for ordering checks). */
export function appendLine(file: string, entry: Record<string, string>): string {
  return `printf '%s\\n' ${shellQuote(JSON.stringify(entry))} >> ${shellQuote(file)}`
}

/** Command lines of running processes that mention `text` (e.g. a test's tool cache). */
export async function processesMentioning(text: string): Promise<string[]> {
  const { stdout } = await run('ps', ['-eo', 'pid=,args='])
  return stdout.split('\n').filter(line => line.includes(text))
}

/**
 * The shared setup of a Pulumi-mode test file: releases served for the whole file, and
 * for each test a fresh workspace whose runner variables are in process.env (the
 * in-process CLI reads them) and a cleared request log.
 */
export function pulumiTestContext(): {
  readonly releases: Releases
  readonly workspace: Workspace
} {
  const context = {} as { releases: Releases; workspace: Workspace }
  beforeAll(async () => {
    context.releases = await startReleases()
  })
  afterAll(() => context.releases.close())
  beforeEach(async () => {
    context.workspace = await makeWorkspace()
    for (const [name, value] of Object.entries(context.workspace.runnerEnv)) {
      vi.stubEnv(name, value)
    }
    context.releases.server.requests.length = 0
  })
  afterEach(async () => {
    vi.unstubAllEnvs()
    await context.workspace.remove()
  })
  return context
}
