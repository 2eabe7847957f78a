import { closeSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { openLog, tailLines, writeLogHeader } from '../../src/bench/log'
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
