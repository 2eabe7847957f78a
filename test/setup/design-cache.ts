/**
 * Every test's runs keep the α* they compute (src/run/pipeline/design-cache.ts) in a folder of
 * this test run, removed at its end, never in the user's own cache folder.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export default function isolateDesignCache(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'ppg-test-cache-'))
  process.env.XDG_CACHE_HOME = folder
  return () => rmSync(folder, { recursive: true, force: true })
}
