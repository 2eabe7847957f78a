/**
 * Folders stay small enough to read at a glance (docs/architecture.md "Layers"): no
 * folder under src/ holds more than 9 .ts files. A layer that grows past that splits
 * into subfolders, one concept each, as hyperfine's src/ does.
 */
import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const MOST_FILES = 9

/** The throw-away files layers.test.ts writes into src/ while it runs. */
const PROBE = /^lint-probe-/

/** `folder` and every folder under it, each with how many .ts files it holds itself. */
function tsFileCounts(folder: string): { folder: string; files: number }[] {
  const entries = readdirSync(folder, { withFileTypes: true })
  const files = entries.filter(
    entry => entry.isFile() && entry.name.endsWith('.ts') && !PROBE.test(entry.name)
  )
  return [
    { folder: relative(ROOT, folder), files: files.length },
    ...entries
      .filter(entry => entry.isDirectory())
      .flatMap(entry => tsFileCounts(join(folder, entry.name)))
  ]
}

describe('the folders of src/', () => {
  it(`hold at most ${MOST_FILES} .ts files each`, () => {
    const counts = tsFileCounts(join(ROOT, 'src'))
    expect(counts.map(count => count.folder)).toContain('src/stats')
    const crowded = counts
      .filter(count => count.files > MOST_FILES)
      .map(count => `${count.folder} (${count.files} files)`)
    expect(crowded, 'split each into subfolders by concept').toEqual([])
  })
})
