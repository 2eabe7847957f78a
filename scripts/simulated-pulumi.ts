/**
 * The offline Pulumi setting shared by `npm run demo` and the comment picture: the
 * simulated releases (3.43.1, whose Python programs register through Python's default
 * executor of min(32, CPUs + 4) threads, 3.44.3 with the fix, 3.44.4 whose destroy alone
 * got twice as slow) served on loopback, a copy of fixtures/programs/provider-sleep-python
 * (Python resources served by a provider plugin: the program shape on which the seed's
 * fix shows on real Pulumi too), and the shipped command line (dist/cli.js) run against
 * them with its own tool cache.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { withoutRunnerVariables } from '../test/helpers/action-runner'
import { DEFAULT_SIM_RELEASES, buildReleases, serveReleases } from '../test/helpers/pulumi-releases'

export const root = fileURLToPath(new URL('..', import.meta.url))

export interface SimulatedPulumi {
  work: string
  /** Runs `dist/cli.js run` in Pulumi mode; resolves with its exit status and stdout. */
  run: (options: {
    baseline: string
    candidate: string
    flags: string[]
    stdout: 'inherit' | 'pipe'
  }) => Promise<{ status: number | null; stdout: string }>
  close: () => Promise<void>
}

export async function simulatedPulumi(): Promise<SimulatedPulumi> {
  const work = mkdtempSync(join(tmpdir(), 'pulumi-perf-gate-sim-'))
  const program = join(work, 'provider-sleep-python')
  cpSync(join(root, 'fixtures/programs/provider-sleep-python'), program, { recursive: true })
  await buildReleases(join(work, 'releases'), {
    releases: [...DEFAULT_SIM_RELEASES, { version: '3.44.4', phaseFactors: { destroy: 2 } }],
    latest: '3.44.3'
  })
  const server = await serveReleases(join(work, 'releases'))
  // Its own tool cache, so the simulated CLIs never land in a real one; and none of
  // the runner's variables (vite-node loads a local .env, e.g. from .env.example).
  const env = {
    ...withoutRunnerVariables(process.env),
    RUNNER_TOOL_CACHE: join(work, 'tool-cache'),
    RUNNER_TEMP: join(work, 'temp')
  }
  return {
    work,
    // Spawned asynchronously: the release server answers from this same process.
    async run({ baseline, candidate, flags, stdout }) {
      const args = [
        ...[join(root, 'dist/cli.js'), 'run', '--program', program],
        ...['--baseline-version', baseline, '--candidate-version', candidate],
        ...['--pulumi-download-url', server.url, ...flags]
      ]
      const child = spawn(process.execPath, args, { env, stdio: ['ignore', stdout, 'inherit'] })
      let output = ''
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
      const [status] = (await once(child, 'close')) as [number | null]
      return { status, stdout: output }
    },
    async close() {
      await server.close()
      rmSync(work, { recursive: true, force: true })
    }
  }
}
