/**
 * `npm run demo`'s bisect: eight simulated releases, 3.181.0 to 3.188.0, of which 3.186.0
 * made `up` slower (its create costs 6× as much), served on loopback with the mirror's
 * list of releases. The shipped command line finds it in four comparisons, each release
 * downloaded once. How long it takes depends on the machine's noise: each step samples
 * until it decides, so a machine busy with other work makes every step longer.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { withoutRunnerVariables } from '../test/helpers/action-runner'
import { releaseSeries, seriesVersion } from '../test/helpers/bisect-releases'
import { startReleases } from '../test/helpers/pulumi-releases'
import { root } from './simulated-pulumi'

/** Runs the bisect; resolves with the command line's exit status (1: a slower release found). */
export async function demoBisect(): Promise<number | null> {
  const work = mkdtempSync(join(tmpdir(), 'pulumi-perf-gate-bisect-'))
  const series = await startReleases({ releases: releaseSeries(8, { 5: 6 }) })
  try {
    const program = join(work, 'provider-sleep-python')
    cpSync(join(root, 'fixtures/programs/provider-sleep-python'), program, { recursive: true })
    mkdirSync(join(work, 'backend'))
    const flags = {
      program,
      good: seriesVersion(0),
      bad: seriesVersion(7),
      'pulumi-download-url': series.server.url,
      'backend-url': `file://${join(work, 'backend')}`,
      config: 'resources: 1\nlatencyMs: 100',
      threshold: '30%',
      warmup: '0',
      'results-file': join(work, 'bisect', 'results.json')
    }
    const args = Object.entries(flags).flatMap(([name, value]) => [`--${name}`, value])
    console.log(
      `\n$ pulumi-perf-gate bisect --good ${flags.good} --bad ${flags.bad} --threshold 30% …\n`
    )
    const started = performance.now()
    const child = spawn(process.execPath, [join(root, 'dist/cli.js'), 'bisect', ...args], {
      env: {
        ...withoutRunnerVariables(process.env),
        RUNNER_TOOL_CACHE: join(work, 'tool-cache'),
        RUNNER_TEMP: join(work, 'temp')
      },
      stdio: ['ignore', 'inherit', 'inherit']
    })
    const [status] = (await once(child, 'close')) as [number | null]
    const seconds = ((performance.now() - started) / 1000).toFixed(0)
    console.log(`\nexit status ${status}, after ${seconds} s`)
    return status
  } finally {
    await series.close()
    rmSync(work, { recursive: true, force: true })
  }
}
