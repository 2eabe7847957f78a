import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { writeResults } from '../../src/results/write'

const folders: string[] = []
function folder(): string {
  const path = mkdtempSync(join(tmpdir(), 'ppg-write-'))
  folders.push(path)
  return path
}
afterEach(() => {
  for (const path of folders.splice(0)) rmSync(path, { recursive: true, force: true })
})

describe('writeResults', () => {
  it('writes indented JSON with a final newline, making missing folders', async () => {
    const path = join(folder(), 'a', 'b', 'results.json')
    await writeResults(path, { benchmark: 'x', results: [1, 2] })
    const text = readFileSync(path, 'utf8')
    expect(text).toBe(`${JSON.stringify({ benchmark: 'x', results: [1, 2] }, null, 2)}\n`)
  })

  it('replaces an earlier file whole and leaves no temporary file', async () => {
    const dir = folder()
    const path = join(dir, 'results.json')
    writeFileSync(path, 'old')
    await writeResults(path, { benchmark: 'new' })
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ benchmark: 'new' })
    expect(readdirSync(dir)).toEqual(['results.json'])
  })
})
