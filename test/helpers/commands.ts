/**
 * Shared setup for the `run` tests in generic mode: a fresh folder per run, the
 * argv of a run, its results file, and shell snippets the measured commands are
 * built from. Commands inherit the test process's environment, not the `env`
 * given to `cli()`, so everything they need is written into the command text.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import type { PartialResultsFile } from '../../src/results/build/partial'
import type { ResultsFile } from '../../src/results/schema'

/** The bundled command line, for tests that need it in a process of its own. */
export const BUNDLED_CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js')

/** Quotes a path or word for bash. */
const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`

/**
 * A command running one of the scripts of test/bench/fixtures (drift, failing or
 * hanging samples) with the variables it reads.
 */
export function benchFixture(name: string, variables: Record<string, string>): string {
  const script = join(import.meta.dirname, '..', 'bench', 'fixtures', name)
  const assignments = Object.entries(variables).map(([key, value]) => `${key}=${quote(value)}`)
  return [...assignments, 'bash', quote(script)].join(' ')
}

/** Appends one line to a file: how the commands leave a trace of what ran. */
export const appendLine = (file: string, text: string) => `echo ${text} >> ${quote(file)}`

/**
 * A command that runs `normal` on its first `calls` calls and `then` from the
 * next call on, counting its calls in `counter`: a sample that fails (or hangs)
 * once some samples have been measured.
 */
export function switchAfter(counter: string, calls: number, normal: string, then: string): string {
  const file = quote(counter)
  return `n=$(cat ${file} 2>/dev/null || echo 0); echo $((n + 1)) > ${file}; if [ "$n" -lt ${calls} ]; then ${normal}; else ${then}; fi`
}

/**
 * One run's folder: its results file, logs, RUNNER_TEMP and the commands' traces.
 * Made inside a test, and removed when that test ends.
 */
export class RunFolder {
  readonly dir = mkdtempSync(join(tmpdir(), 'ppg-run-'))
  readonly resultsFile = join(this.dir, 'results.json')
  /** RUNNER_TEMP of the run, kept apart from the results so leftovers show. */
  readonly runnerTemp = mkdtempSync(join(this.dir, 'runner-temp-'))

  constructor() {
    onTestFinished(() => rmSync(this.dir, { recursive: true, force: true }))
  }

  path(name: string): string {
    return join(this.dir, name)
  }

  /** `run` argv for two commands, writing the results here, plus `flags`. */
  args(baseline: string, candidate: string, ...flags: string[]): string[] {
    return [
      'run',
      '--baseline-command',
      baseline,
      '--candidate-command',
      candidate,
      '--results-file',
      this.resultsFile,
      ...flags
    ]
  }

  /** The environment `cli()` or a spawned CLI sees: no real runner or cache folders. */
  env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return { RUNNER_TEMP: this.runnerTemp, XDG_CACHE_HOME: this.path('cache'), ...extra }
  }

  results(): ResultsFile {
    return JSON.parse(readFileSync(this.resultsFile, 'utf8')) as ResultsFile
  }

  partialResults(): PartialResultsFile {
    return JSON.parse(readFileSync(this.resultsFile, 'utf8')) as PartialResultsFile
  }

  /** Lines of a trace file the commands appended to; none if it was never written. */
  lines(name: string): string[] {
    const file = this.path(name)
    return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n') : []
  }
}
