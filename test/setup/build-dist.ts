/**
 * Builds dist/ from src/ once before the end-to-end tests, which run the bundle the
 * way the runner and users do: they must never test a stale one.
 */
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export default function buildDist(): void {
  const root = fileURLToPath(new URL('../../', import.meta.url))
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: root, stdio: 'inherit' })
}
