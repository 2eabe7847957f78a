/**
 * The offline Pulumi setting shared by `npm run demo` and the comment picture: the
 * simulated releases (3.43.1, whose Python programs register through Python's default
 * executor of min(32, CPUs + 4) threads, 3.44.3 with the fix, 3.44.4 whose destroy alone
 * got three times as slow) served on loopback, a copy of fixtures/programs/provider-sleep-python
 * (Python resources served by a provider plugin: the program shape on which the seed's
 * fix shows on real Pulumi too), and the shipped command line (dist/cli.js) run against
 * them with its own tool cache.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable, Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { withoutRunnerVariables } from '../test/helpers/action-runner'
import { releaseSeries } from '../test/helpers/bisect-releases'
import { DEFAULT_SIM_RELEASES, buildReleases, serveReleases } from '../test/helpers/pulumi-releases'

export const root = fileURLToPath(new URL('..', import.meta.url))

/** How a command line run ended: its exit status and all it printed. */
export interface CliOutcome {
  status: number | null
  stdout: string
  stderr: string
}

export interface SimulatedPulumi {
  work: string
  /** The program's copy, for `--program`. */
  program: string
  /** The release server, for `--pulumi-download-url`. */
  downloadUrl: string
  /**
   * Runs `dist/cli.js` with `args`; resolves with its exit status and output. Its
   * stderr (the progress) is passed on to ours as it comes, its stdout with `inherit`.
   */
  cli: (args: string[], stdout: 'inherit' | 'pipe') => Promise<CliOutcome>
  /** Runs `dist/cli.js run` in Pulumi mode on the program, against the simulated releases. */
  run: (options: {
    baseline: string
    candidate: string
    flags: string[]
    stdout: 'inherit' | 'pipe'
  }) => Promise<CliOutcome>
  close: () => Promise<void>
}

/**
 * `toolCache`: where the command line installs the simulated CLIs; unlike the rest, it
 * outlives `close`, for the paths the command line prints into it. Default: a folder
 * that `close` removes.
 */
export async function simulatedPulumi(
  options: { toolCache?: string } = {}
): Promise<SimulatedPulumi> {
  const work = mkdtempSync(join(tmpdir(), 'pulumi-perf-gate-sim-'))
  const program = join(work, 'provider-sleep-python')
  cpSync(join(root, 'fixtures/programs/provider-sleep-python'), program, { recursive: true })
  // Two CPUs, as a hosted runner has, whatever this machine has: 3.43.1's executor of
  // CPUs + 4 threads then creates 6 resources at a time on every machine. A language
  // host that takes 100 ms to start, as Python's does.
  // 3.44.4's destroy got three times as slow (a change that a busy machine's noise in
  // the simulator's start cannot hide); of the series 3.181.0 to 3.184.0 that the bisect
  // searches, 3.182.0's creates cost 6× as much.
  const releases = [
    ...DEFAULT_SIM_RELEASES,
    { version: '3.44.4', phaseFactors: { destroy: 3 } },
    ...releaseSeries(4, { 1: 6 })
  ]
  await buildReleases(join(work, 'releases'), {
    releases: releases.map(release => ({ ...release, cpus: 2, programStartMs: 100 })),
    latest: '3.44.3'
  })
  const server = await serveReleases(join(work, 'releases'))
  // Its own tool cache, so the simulated CLIs never land in a real one; and none of
  // the runner's variables (vite-node loads a local .env, e.g. from .env.example).
  const env = {
    ...withoutRunnerVariables(process.env),
    RUNNER_TOOL_CACHE: options.toolCache ?? join(work, 'tool-cache'),
    RUNNER_TEMP: join(work, 'temp')
  }
  // Spawned asynchronously: the release server answers from this same process.
  const cli: SimulatedPulumi['cli'] = async (args, stdout) => {
    const child = spawn(process.execPath, [join(root, 'dist/cli.js'), ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    // The progress always shows, as the command line's own would; stdout when asked.
    const out = collect(child.stdout, stdout === 'inherit' && process.stdout)
    const err = collect(child.stderr, process.stderr)
    const [status] = (await once(child, 'close')) as [number | null]
    return { status, stdout: out(), stderr: err() }
  }
  return {
    work,
    program,
    downloadUrl: server.url,
    cli,
    run: ({ baseline, candidate, flags, stdout }) =>
      cli(
        [
          ...['run', '--program', program],
          ...['--baseline-version', baseline, '--candidate-version', candidate],
          ...['--pulumi-download-url', server.url, ...flags]
        ],
        stdout
      ),
    async close() {
      await server.close()
      rmSync(work, { recursive: true, force: true })
    }
  }
}

/** Collects what `stream` sends, passing it on to `echo` as it comes; returns a reader. */
function collect(stream: Readable, echo: Writable | false): () => string {
  let text = ''
  stream.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk
    if (echo) echo.write(chunk)
  })
  return () => text
}
