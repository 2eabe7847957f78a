/**
 * `npm run demo`: the seed's experiment, offline, in under a minute. Serves the
 * simulated Pulumi releases (3.43.1 with the 20-worker cap of the seed's bug,
 * 3.44.3 without it) on loopback, then runs the shipped command line (dist/cli.js)
 * in Pulumi mode on fixtures/programs/sleep-python twice: fixed version as the
 * candidate (an improvement), then swapped (a regression, exit 1).
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildReleases, serveReleases } from '../test/helpers/pulumi-releases'

const root = fileURLToPath(new URL('..', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'pulumi-perf-gate-demo-'))
// Its own tool cache, so the simulated CLIs never land in a real one.
const env = {
  ...process.env,
  RUNNER_TOOL_CACHE: join(work, 'tool-cache'),
  RUNNER_TEMP: join(work, 'temp')
}

const program = join(work, 'sleep-python')
cpSync(join(root, 'fixtures/programs/sleep-python'), program, { recursive: true })
await buildReleases(join(work, 'releases'))
const server = await serveReleases(join(work, 'releases'))

// Spawned asynchronously: the release server answers from this same process.
async function gate(baseline: string, candidate: string): Promise<number> {
  console.log(
    `\n$ pulumi-perf-gate run --baseline-version ${baseline} --candidate-version ${candidate} …\n`
  )
  const child = spawn(
    process.execPath,
    [
      join(root, 'dist/cli.js'),
      'run',
      '--program',
      program,
      '--baseline-version',
      baseline,
      '--candidate-version',
      candidate,
      '--pulumi-download-url',
      server.url,
      '--config',
      'resources: 200\nlatencyMs: 100',
      '--samples',
      '10',
      '--results-file',
      join(work, `results-${baseline}-vs-${candidate}.json`)
    ],
    { stdio: 'inherit', env }
  )
  const [status] = (await once(child, 'exit')) as [number | null]
  console.log(`\nexit status ${status}`)
  return status ?? 1
}

try {
  const fixed = await gate('3.43.1', '3.44.3')
  const swapped = await gate('3.44.3', '3.43.1')
  console.log(
    `\nThe fixed CLI as candidate exits ${fixed} (pass); the buggy one as candidate exits ${swapped} (regression blocks the merge).`
  )
} finally {
  await server.close()
  rmSync(work, { recursive: true, force: true })
}
