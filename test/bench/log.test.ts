import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLog, redactLogs, tailLines, writeLogHeader } from '../../src/bench/log'
import { redactor } from '../../src/core/redact'
import { tempFile } from '../helpers/cli'

describe('tailLines', () => {
  it('returns the last lines without the trailing blank ones', () => {
    const path = tempFile('short.log', 'a\nb\r\nc\n\n\n')
    expect(tailLines(path, 2)).toEqual(['b', 'c'])
    expect(tailLines(path, 20)).toEqual(['a', 'b', 'c'])
  })

  it('reads only the end of a large log and never returns a cut line', () => {
    const lines = Array.from({ length: 20_000 }, (_, index) => `line ${index} ${'x'.repeat(40)}`)
    const path = tempFile('large.log', lines.join('\n') + '\n')
    expect(tailLines(path, 20)).toEqual(lines.slice(-20))
  })

  it('returns every complete line when fewer than asked fit in the read window', () => {
    const long = Array.from({ length: 5 }, (_, index) => `${index}${'y'.repeat(30_000)}`)
    const path = tempFile('long-lines.log', long.join('\n'))
    const tail = tailLines(path, 20)
    expect(tail).toEqual(long.slice(-tail.length))
    expect(tail.length).toBeGreaterThan(0)
  })
})

describe('openLog and writeLogHeader', () => {
  it('never writes through a link planted where a log goes: it replaces the link', () => {
    const victim = tempFile('bashrc', 'export SAFE=1\n')
    const path = join(dirname(tempFile('x', '')), 'baseline.log')
    symlinkSync(victim, path)
    const fd = openLog(path)
    writeLogHeader(fd, 'sample 1')
    closeSync(fd)
    expect(readFileSync(victim, 'utf8')).toBe('export SAFE=1\n')
    expect(lstatSync(path).isSymbolicLink()).toBe(false)
    expect(readFileSync(path, 'utf8')).toContain('sample 1')
  })

  it('refuses to append through a link', () => {
    const victim = tempFile('profile', 'export SAFE=1\n')
    const path = join(dirname(tempFile('y', '')), 'cleanup.log')
    symlinkSync(victim, path)
    expect(() => openLog(path, 'append')).toThrow(/ELOOP/)
    expect(readFileSync(victim, 'utf8')).toBe('export SAFE=1\n')
  })

  it('truncates a log by default and appends when asked', () => {
    const path = tempFile('group.log', 'old run\n')
    const fd = openLog(path)
    writeLogHeader(fd, 'baseline sample 1 of 2: true')
    closeSync(fd)
    expect(readFileSync(path, 'utf8')).toBe('\n[pulumi-perf-gate] baseline sample 1 of 2: true\n')
    const again = openLog(path, 'append')
    writeLogHeader(again, 'more')
    closeSync(again)
    expect(readFileSync(path, 'utf8')).toContain('true\n\n[pulumi-perf-gate] more\n')
  })
})

describe('redactLogs', () => {
  const secret = 'pul-0123456789abcdef0123456789abcdef01234567'
  const redact = redactor([secret])

  it('replaces every secret in every log, byte for byte otherwise, also across read chunks', async () => {
    // Long enough that the stream reads it in several chunks, with secrets near the cuts.
    const filler = Array.from(
      { length: 5_000 },
      (_, index) => `line ${index} ${'x'.repeat(index % 97)}`
    )
    const lines = filler.flatMap((line, index) =>
      index % 50 === 0 ? [line, `token ${secret} refused`] : [line]
    )
    const text = `${lines.join('\r\n')}\nlast ${secret}`
    const group = tempFile('candidate.log', text)
    const dir = dirname(group)
    const other = join(dir, 'cleanup.log')
    writeFileSync(other, `${secret}\n`)

    expect(await redactLogs(dir, redact)).toEqual([])
    expect(readFileSync(group, 'utf8')).toBe(text.split(secret).join('***'))
    expect(readFileSync(other, 'utf8')).toBe('***\n')
    expect(readdirSync(dir).sort()).toEqual(['candidate.log', 'cleanup.log'])
  })

  it('leaves a log without secrets as it is', async () => {
    const path = tempFile('baseline.log', 'nothing to hide\n')
    const before = statSync(path).ino
    expect(await redactLogs(dirname(path), redact)).toEqual([])
    expect(statSync(path).ino).toBe(before)
    expect(readFileSync(path, 'utf8')).toBe('nothing to hide\n')
  })

  it('removes a log it cannot rewrite rather than leave a secret in it, and says so', async () => {
    const path = tempFile('baseline.log', `token ${secret}\n`)
    // The rewrite's temporary file cannot be created where a folder stands.
    mkdirSync(`${path}.redacting`)
    const warnings = await redactLogs(dirname(path), redact)
    expect(warnings).toEqual([
      `removed the log ${path}: it could not be checked for secrets (something is already there (EEXIST))`
    ])
    expect(existsSync(path)).toBe(false)
  })

  it('does nothing when the run made no logs', async () => {
    expect(await redactLogs(join(dirname(tempFile('x', '')), 'logs'), redact)).toEqual([])
  })
})
