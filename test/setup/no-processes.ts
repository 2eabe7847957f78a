/**
 * The `unit` project starts no process (vitest.config.ts): a test file that does belongs
 * in PROCESSES, whose files may. Every way of starting one throws here, naming that.
 */
import { createRequire, syncBuiltinESMExports } from 'node:module'

const childProcess = createRequire(import.meta.url)('node:child_process') as Record<string, unknown>
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  childProcess[name] = () => {
    throw new Error(
      `a unit test started a process (child_process.${name}): list its file in PROCESSES in vitest.config.ts`
    )
  }
}
syncBuiltinESMExports()
