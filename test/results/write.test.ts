import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkResultsPath, ResultsWriteError, writeResults } from '../../src/results/build/write'

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

describe('a symbolic link', () => {
  it('is followed to a target still to be written, and stays', async () => {
    const dir = folder()
    const link = join(dir, 'results.json')
    symlinkSync('out/real.json', link)
    await checkResultsPath(link)
    await writeResults(link, { benchmark: 'x' })
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(JSON.parse(readFileSync(join(dir, 'out', 'real.json'), 'utf8'))).toEqual({
      benchmark: 'x'
    })
  })

  it('in a loop is refused', async () => {
    const dir = folder()
    symlinkSync('b', join(dir, 'a'))
    symlinkSync('a', join(dir, 'b'))
    await expect(checkResultsPath(join(dir, 'a'))).rejects.toThrow(
      `results-file: ${dir}/a cannot be written: its symbolic links make a loop (ELOOP)`
    )
  })
})

describe('checkResultsPath', () => {
  it('accepts a new file in a folder still to be made', async () => {
    await expect(checkResultsPath(join(folder(), 'a', 'b', 'results.json'))).resolves.toBe(
      undefined
    )
  })

  it('refuses a path ending in a separator: it names a folder', async () => {
    const path = `${join(folder(), 'newdir')}/`
    await expect(checkResultsPath(path)).rejects.toThrow(
      `results-file: ${path} is a folder (it ends in /); name a file, such as ${path}results.json`
    )
  })

  it('refuses a logs folder that is a symbolic link: the logs would go where it points', async () => {
    const dir = folder()
    const elsewhere = folder()
    symlinkSync(elsewhere, join(dir, 'logs'))
    await expect(checkResultsPath(join(dir, 'results.json'))).rejects.toThrow(
      `results-file: ${dir}/results.json cannot be used: ${dir}/logs is a symbolic link; the logs of the commands go there`
    )
  })

  it('writes its temporary file exclusively, never through a link planted under its name', async () => {
    const dir = folder()
    const victim = join(folder(), 'victim')
    writeFileSync(victim, 'keep me')
    symlinkSync(victim, join(dir, `results.json.${process.pid}.tmp`))
    await expect(writeResults(join(dir, 'results.json'), { a: 1 })).rejects.toThrow(
      ResultsWriteError
    )
    expect(readFileSync(victim, 'utf8')).toBe('keep me')
  })

  it('refuses a folder and a path under a file, creating nothing', async () => {
    const dir = folder()
    await expect(checkResultsPath(dir)).rejects.toThrow(`results-file: ${dir} is a folder;`)
    const file = join(dir, 'file')
    writeFileSync(file, '')
    await expect(checkResultsPath(join(file, 'x', 'results.json'))).rejects.toThrow(
      `results-file: ${file}/x/results.json cannot be written: ${file} is a file, not a folder`
    )
    expect(readdirSync(dir)).toEqual(['file'])
  })
})

describe('a write that fails', () => {
  it('names the path and the reason, and leaves no temporary file', async () => {
    const dir = folder()
    const path = join(dir, 'results.json')
    mkdirSync(`${path}.${process.pid}.tmp.d`)
    // A folder where the file should go: the rename fails after the temporary file exists.
    mkdirSync(path)
    writeFileSync(join(path, 'keep'), '')
    await expect(writeResults(path, { benchmark: 'x' })).rejects.toThrow(ResultsWriteError)
    await expect(writeResults(path, { benchmark: 'x' })).rejects.toThrow(
      new RegExp(`^could not write the results file ${path}: `)
    )
    expect(readdirSync(dir).sort()).toEqual(['results.json', `results.json.${process.pid}.tmp.d`])
  })
})
