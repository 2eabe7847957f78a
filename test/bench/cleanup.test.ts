import { mkdtempSync, readFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ShellSetting, Step } from '../../src/bench/types'
import { runCleanup } from '../../src/bench/cleanup'

const bash: ShellSetting = { kind: 'shell', path: 'bash' }
const shell = (script: string): Step => ({ command: { kind: 'shell', script } })

describe('runCleanup', () => {
  it('runs every step once, carries on past failures and warns about each', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'perf-gate-cleanup-'))
    const logPath = join(dir, 'cleanup.log')
    const warnings = await runCleanup(
      [
        shell(`echo first >> ${dir}/ran`),
        shell('echo stack is busy; exit 5'),
        { command: { kind: 'argv', file: 'no-such-program-perf-gate', args: [] } },
        shell(`echo last >> ${dir}/ran`)
      ],
      bash,
      { logPath }
    )
    expect(readFileSync(join(dir, 'ran'), 'utf8')).toBe('first\nlast\n')
    expect(warnings).toEqual([
      `cleanup step 2 of 4 (echo stack is busy; exit 5) failed with exit code 5; see ${logPath}`,
      expect.stringMatching(
        /^cleanup step 3 of 4 \(no-such-program-perf-gate\) could not start \(.*ENOENT.*\); see /
      )
    ])
    expect(readFileSync(logPath, 'utf8')).toContain('stack is busy')
  })

  it('makes the folder of its log when a run stopped before any log was written', async () => {
    const logPath = join(mkdtempSync(join(tmpdir(), 'perf-gate-cleanup-')), 'logs', 'cleanup.log')
    expect(await runCleanup([shell('echo cleaned')], bash, { logPath })).toEqual([])
    expect(readFileSync(logPath, 'utf8')).toContain('cleaned')
  })

  it('turns a command that cannot be split into a warning and runs the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'perf-gate-cleanup-'))
    const warnings = await runCleanup([shell("echo 'unterminated"), shell(`touch ${dir}/ran`)], {
      kind: 'none'
    })
    expect(warnings).toEqual([
      expect.stringMatching(/^cleanup step 1 of 2 could not run: .*unterminated ' quote/)
    ])
    expect(existsSync(join(dir, 'ran'))).toBe(true)
  })

  it('appends to an existing log, so the post step keeps what the main step wrote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'perf-gate-cleanup-'))
    const logPath = join(dir, 'cleanup.log')
    await runCleanup([shell('echo one')], bash, { logPath })
    await runCleanup([shell('echo two')], bash, { logPath })
    const log = readFileSync(logPath, 'utf8')
    expect(log.indexOf('one')).toBeGreaterThan(-1)
    expect(log.indexOf('two')).toBeGreaterThan(log.indexOf('one'))
  })

  it('stops a step that hangs at the time limit and goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'perf-gate-cleanup-'))
    const warnings = await runCleanup([shell('sleep 30'), shell(`touch ${dir}/ran`)], bash, {
      timeoutMs: 200
    })
    expect(warnings).toEqual(['cleanup step 1 of 2 (sleep 30) timed out after 200 ms'])
    expect(existsSync(join(dir, 'ran'))).toBe(true)
  })
})
