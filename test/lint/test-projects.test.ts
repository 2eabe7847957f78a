/**
 * The `unit` project shares one module graph between the files a worker runs
 * (vitest.config.ts), so a module one file replaces with `vi.mock` would stay replaced
 * for the files after it. A test file that replaces a module is therefore listed in
 * MOCKS (or PROCESSES), whose files each get modules of their own; MOCKS lists no other.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { MOCKS, PROCESSES } from '../../vitest.config'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** A call that replaces a module for the rest of the file's run. */
const REPLACES_A_MODULE = /\bvi\.(mock|doMock)\(/

function testFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap(entry => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return testFiles(path)
    return entry.name.endsWith('.test.ts') ? [relative(ROOT, path)] : []
  })
}

const replacing = testFiles(join(ROOT, 'test')).filter(file =>
  REPLACES_A_MODULE.test(readFileSync(join(ROOT, file), 'utf8'))
)

describe('the vitest projects', () => {
  it('give each test file that replaces a module modules of its own', () => {
    expect(replacing.length).toBeGreaterThan(0)
    const shared = replacing.filter(file => !MOCKS.includes(file) && !PROCESSES.includes(file))
    expect(shared, 'list them in MOCKS in vitest.config.ts').toEqual([])
  })

  it('list in MOCKS only files that replace a module', () => {
    expect(MOCKS.filter(file => !replacing.includes(file))).toEqual([])
  })
})
