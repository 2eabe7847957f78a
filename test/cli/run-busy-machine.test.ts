import { execFile, spawn, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { describe, expect, it, onTestFinished } from 'vitest'
import { BUNDLED_CLI, RunFolder } from '../helpers/commands'

/** The first CPU this process may run on, when `taskset` can pin processes to it. */
function pinnableCpu(): string | undefined {
  if (process.platform !== 'linux' || spawnSync('taskset', ['--version']).status !== 0) return
  const status = readFileSync('/proc/self/status', 'utf8')
  return /^Cpus_allowed_list:\s*(\d+)/m.exec(status)?.[1]
}

const SPINNERS = 2

/**
 * Keeps one CPU busy until the test ends: a shared CI runner in miniature. Only
 * that CPU, so the test files running beside this one keep the others.
 */
function busyCpu(cpu: string): void {
  const spinners = Array.from({ length: SPINNERS }, () =>
    spawn('taskset', ['-c', cpu, process.execPath, '-e', 'for (;;) {}'], { stdio: 'ignore' })
  )
  onTestFinished(() => {
    for (const spinner of spinners) spinner.kill('SIGKILL')
  })
}

const cpu = pinnableCpu()

describe('run on a busy machine', () => {
  // With shell: none nothing is subtracted, so a sample is at least as long as the
  // sleep itself however late the CLI is scheduled; only a clock started after the
  // child already runs can measure less. The CLI shares its CPU with the spinners.
  it.skipIf(cpu === undefined)(
    'measures no sample of sleep 0.03 (--shell none) below 30 ms',
    async () => {
      busyCpu(cpu!)
      const run = new RunFolder()
      const flags = ['--shell', 'none', '--samples', '15', '--looks', '1', '--fail-on', 'never']
      const args = run.args('sleep 0.03', 'sleep 0.03', ...flags)
      await promisify(execFile)('taskset', ['-c', cpu!, process.execPath, BUNDLED_CLI, ...args], {
        env: { ...process.env, ...run.env() }
      })
      const times = run.results().results.flatMap(result => result.times)
      expect(times).toHaveLength(30)
      expect(times.filter(time => time < 0.03)).toEqual([])
    }
  )
})
