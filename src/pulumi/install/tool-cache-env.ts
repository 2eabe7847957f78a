import os from 'node:os'
import path from 'node:path'

/** The name Pulumi is cached under: RUNNER_TOOL_CACHE/pulumi/<version>/<arch>. */
export const TOOL_NAME = 'pulumi'

/**
 * @actions/tool-cache keeps tools under RUNNER_TOOL_CACHE and works in RUNNER_TEMP, which
 * only the Actions runner sets. It reads them on each call (not at import), so setting
 * them here, before the first call, is enough. Outside Actions (the CLI) the cache goes
 * to the user's cache folder, so a second run needs no download either.
 */
export function ensureToolCacheEnv(env: NodeJS.ProcessEnv = process.env): void {
  if (!env['RUNNER_TOOL_CACHE']) {
    const cacheHome = env['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache')
    env['RUNNER_TOOL_CACHE'] = path.join(cacheHome, 'pulumi-perf-gate', 'tools')
  }
  if (!env['RUNNER_TEMP']) env['RUNNER_TEMP'] = os.tmpdir()
}
