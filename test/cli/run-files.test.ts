/**
 * Where `run` writes its results, and what it does when it cannot: a results path that
 * is a folder, under a file, not writable, not a regular file (a FIFO), or beside a
 * `logs` that is no writable folder is one line and exit 2 before any sample; a
 * symbolic link is followed and stays;
 * a write that fails later (a full disk) names the path, leaves no temporary file, and
 * the report still comes out. And a closed stdout (`| head`) ends quietly.
 */
import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli'
import { appendLine, BUNDLED_CLI, RunFolder } from '../helpers/commands'
import { fixturePath } from '../helpers/experiments'
import { canMount, mounted } from '../helpers/filesystems'

const QUICK = ['--samples', '3', '--looks', '1', '--warmup', '1', '--fail-on', 'never']

/** `run` of two quick commands that leave a trace, writing to `resultsFile`. */
function runArgs(run: RunFolder, resultsFile: string): string[] {
  const trace = appendLine(run.path('ran'), 'x')
  const args = run.args(`${trace}; sleep 0.01`, `${trace}; sleep 0.01`, ...QUICK)
  args[args.indexOf('--results-file') + 1] = resultsFile
  return args
}

/** Runs the bundled CLI, maybe under a prefix (a mount namespace); collects its output. */
async function spawnCli(args: string[], env: NodeJS.ProcessEnv, prefix: string[] = []) {
  const [file, ...rest] = [...prefix, process.execPath, BUNDLED_CLI, ...args]
  const child = spawn(file!, rest, { env: { ...process.env, ...env } })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const [status] = (await once(child, 'close')) as [number | null]
  return { status, stdout, stderr }
}

function expectRefusedBeforeRunning(
  run: RunFolder,
  result: { status: number | null; stdout: string; stderr: string },
  message: RegExp
) {
  expect(result.status, result.stderr).toBe(2)
  expect(result.stdout).toBe('')
  expect(result.stderr).toMatch(/^pulumi-perf-gate: [^\n]+\n$/)
  expect(result.stderr).toMatch(message)
  expect(run.lines('ran')).toEqual([])
}

describe('a results path that cannot be written is refused before any sample', () => {
  it('a folder', async () => {
    const run = new RunFolder()
    const folder = run.path('out')
    mkdirSync(folder)
    const result = await cli(runArgs(run, folder), run.env())
    expectRefusedBeforeRunning(
      run,
      result,
      /^pulumi-perf-gate: results-file: \S+\/out is a folder;/
    )
    expect(readdirSync(folder)).toEqual([])
  })

  it('a path under a file', async () => {
    const run = new RunFolder()
    const file = run.path('file.txt')
    writeFileSync(file, 'not a folder')
    const result = await cli(runArgs(run, `${file}/results.json`), run.env())
    expectRefusedBeforeRunning(
      run,
      result,
      /^pulumi-perf-gate: results-file: \S+file\.txt\/results\.json cannot be written: \S+file\.txt is a file, not a folder/
    )
  })

  it.skipIf(!canMount)('a read-only folder', async () => {
    const run = new RunFolder()
    const folder = run.path('read-only')
    mkdirSync(folder)
    const result = await spawnCli(
      runArgs(run, `${folder}/results.json`),
      run.env(),
      mounted(folder, 'ro')
    )
    expectRefusedBeforeRunning(
      run,
      result,
      /^pulumi-perf-gate: results-file: \S+read-only\/results\.json cannot be written: \S+read-only is not writable \(EROFS\)/
    )
  })
})

/** A named pipe at `path`: a results path that is no regular file, and no device to harm. */
function mkfifo(path: string): void {
  expect(spawnSync('mkfifo', [path]).status).toBe(0)
}

describe('a results path that is no regular file is refused, a symbolic link followed', () => {
  it('a named pipe (FIFO), which stays', async () => {
    const run = new RunFolder()
    const pipe = run.path('pipe')
    mkfifo(pipe)
    const result = await cli(runArgs(run, pipe), run.env())
    expectRefusedBeforeRunning(
      run,
      result,
      /^pulumi-perf-gate: results-file: \S+\/pipe is a named pipe \(FIFO\), not a regular file;/
    )
    expect(lstatSync(pipe).isFIFO()).toBe(true)
  })

  it('a symbolic link to a named pipe', async () => {
    const run = new RunFolder()
    const pipe = run.path('pipe')
    mkfifo(pipe)
    symlinkSync(pipe, run.path('link.json'))
    const result = await cli(runArgs(run, run.path('link.json')), run.env())
    expectRefusedBeforeRunning(
      run,
      result,
      /^pulumi-perf-gate: results-file: \S+\/link\.json is a link to \S+\/pipe, a named pipe \(FIFO\), not a regular file;/
    )
    expect(lstatSync(run.path('link.json')).isSymbolicLink()).toBe(true)
  })

  it('a symbolic link to a file: the link stays, its target gets the results', async () => {
    const run = new RunFolder()
    mkdirSync(run.path('elsewhere'))
    const target = run.path('elsewhere/results.json')
    writeFileSync(target, 'old')
    symlinkSync('elsewhere/results.json', run.resultsFile) // relative, as users make them
    const result = await cli(runArgs(run, run.resultsFile), run.env())
    expect(result.status, result.stderr).toBe(0)
    expect(lstatSync(run.resultsFile).isSymbolicLink()).toBe(true)
    expect(run.results().results).toHaveLength(2)
    expect(readdirSync(run.path('elsewhere'))).toEqual(['results.json'])
    expect(existsSync(run.path('logs/baseline.log'))).toBe(true) // beside the path given
  })
})

describe('a `logs` beside the results that is no writable folder is refused before any sample', () => {
  it('a file named logs, which stays', async () => {
    const run = new RunFolder()
    writeFileSync(run.path('logs'), 'mine')
    const result = await cli(runArgs(run, run.resultsFile), run.env())
    expectRefusedBeforeRunning(
      run,
      result,
      /^pulumi-perf-gate: results-file: \S+\/results\.json cannot be used: \S+\/logs is a file; the logs of the commands go there$/m
    )
    expect(readFileSync(run.path('logs'), 'utf8')).toBe('mine')
  })

  it.skipIf(!canMount)('a read-only logs folder', async () => {
    const run = new RunFolder()
    mkdirSync(run.path('logs'))
    const result = await spawnCli(
      runArgs(run, run.resultsFile),
      run.env(),
      mounted(run.path('logs'), 'ro')
    )
    expectRefusedBeforeRunning(
      run,
      result,
      /^pulumi-perf-gate: results-file: \S+\/results\.json cannot be used: \S+\/logs is not writable \(EROFS\); the logs of the commands go there$/m
    )
  })
})

describe('a results path ending in a separator names a folder', () => {
  it('is refused, and nothing is made', async () => {
    const run = new RunFolder()
    const result = await cli(runArgs(run, `${run.path('newdir')}/`), run.env())
    expectRefusedBeforeRunning(
      run,
      result,
      /^pulumi-perf-gate: results-file: \S+\/newdir\/ is a folder \(it ends in \/\); name a file, such as \S+\/newdir\/results\.json$/m
    )
    expect(existsSync(run.path('newdir'))).toBe(false)
  })
})

describe.skipIf(!canMount)('a disk that fills up before the results are written', () => {
  it('names the path, leaves no temporary file, and still prints the report', async () => {
    const run = new RunFolder()
    const folder = run.path('small-disk')
    mkdirSync(folder)
    const resultsFile = `${folder}/results.json`
    const args = [...runArgs(run, resultsFile), '--format', 'json']
    const result = await spawnCli(args, run.env(), mounted(folder, 'size=8k'))
    expect(result.status, result.stderr).toBe(1)
    expect(result.stderr).not.toMatch(/^\s+at /m)
    const errors = result.stderr.split('\n').filter(line => line.startsWith('pulumi-perf-gate:'))
    expect(errors).toEqual([
      `pulumi-perf-gate: could not write the results file ${resultsFile}: no space left on device (ENOSPC)`
    ])
    // The report still went to stdout, saying the file is missing.
    const printed = JSON.parse(result.stdout) as { comparison: { warnings: string[] } }
    expect(printed.comparison.warnings.join('\n')).toContain(resultsFile)
    expect(readFileSync(`${folder}.left`, 'utf8')).toBe('logs\n')
    expect(existsSync(resultsFile)).toBe(false)
  })
})

describe.skipIf(!canMount)('a disk that fills up while the samples run', () => {
  it('stops the run with one line naming the log it could not write, no stack trace', async () => {
    const run = new RunFolder()
    const folder = run.path('small-disk')
    mkdirSync(folder)
    const resultsFile = `${folder}/results.json`
    // Each run prints 3,000 bytes into its group's log and succeeds whatever happens to them.
    const noisy = (letter: string) => `(yes ${letter} | head -c 3000) 2>/dev/null; true`
    const args = run.args(
      noisy('x'),
      noisy('y'),
      // QUICK with 20 samples, each flag once
      '--samples',
      '20',
      ...QUICK.slice(2)
    )
    args[args.indexOf('--results-file') + 1] = resultsFile
    const result = await spawnCli(args, run.env(), mounted(folder, 'size=16k'))
    expect(result.status, result.stderr).toBe(1)
    expect(result.stderr).not.toMatch(/^\s+at /m)
    const errors = result.stderr.split('\n').filter(line => line.startsWith('pulumi-perf-gate:'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      new RegExp(
        `^pulumi-perf-gate: (baseline|candidate) (sample|warmup run) \\d+ of \\d+ did not start: could not write the log ${folder}/logs/(baseline|candidate)\\.log: no space left on device \\(ENOSPC\\)$`
      )
    )
  })
})

describe('a closed stdout', () => {
  it('ends quietly, as `compare ... | head` expects', async () => {
    const child = spawn(process.execPath, [
      BUNDLED_CLI,
      'compare',
      fixturePath('data', 'parallelism-fix.json'),
      '--format',
      'json'
    ])
    child.stdout.destroy() // the reader is gone before anything is written
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const [status] = (await once(child, 'close')) as [number | null]
    expect(stderr).toBe('')
    expect(status).toBe(0)
  })
})
