import { createHash, randomBytes } from 'node:crypto'
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  type Stats
} from 'node:fs'
import { homedir } from 'node:os'
import { isAbsolute, join } from 'node:path'
import { ALPHA_STAR_TABLE } from '../../stats/design/alpha-star-table'
import type { AlphaStarCache } from '../../stats/design/calibrate'

/**
 * The cache a run plans its design with, if there is a folder for it; `info` is told,
 * before the first α* is computed, why the run waits.
 */
export function runDesignCache(
  env: NodeJS.ProcessEnv,
  info: (line: string) => void
): AlphaStarCache | undefined {
  const base = designCacheBase(env)
  if (base === undefined) return undefined
  return designCache(base, () =>
    info(
      'Calibrating the design for these settings: seconds, once (later runs read it from the cache)'
    )
  )
}

/** A cached entry is a key and a number: anything larger is not ours. */
const MAX_ENTRY_BYTES = 4096

/**
 * Where a run keeps the α* it had to compute (README "How it decides"), so the next run
 * with the same settings starts at once: the runner's tool cache in the action (kept
 * between jobs on a self-hosted runner; RUNNER_TEMP for the rest of the job otherwise),
 * the user's cache folder on the command line. Undefined when there is no such folder.
 */
export function designCacheBase(env: NodeJS.ProcessEnv): string | undefined {
  const absolute = (path: string | undefined) =>
    path !== undefined && isAbsolute(path) ? path : undefined
  if (env.GITHUB_ACTIONS === 'true') {
    return absolute(env.RUNNER_TOOL_CACHE) ?? absolute(env.RUNNER_TEMP)
  }
  if (process.platform === 'win32') return absolute(env.LOCALAPPDATA)
  const home = absolute(env.HOME) ?? homedir()
  if (process.platform === 'darwin') return join(home, 'Library', 'Caches')
  return absolute(env.XDG_CACHE_HOME) ?? join(home, '.cache')
}

/**
 * The folders the cache makes under `base`, outermost first; the last holds the entries.
 * It is named by the committed table's hash: values computed by other code are never read.
 */
function cacheFolders(base: string): string[] {
  const code = createHash('sha256').update(JSON.stringify(ALPHA_STAR_TABLE)).digest('hex')
  const own = join(base, 'pulumi-perf-gate')
  const kind = join(own, 'alpha-star')
  return [own, kind, join(kind, code.slice(0, 16))]
}

/**
 * The α* cache under `base`. Safe against a hostile cache: a folder or file that another
 * user owns or could write, or a link, is never read (nor written); an entry is read
 * only as `{ key, alphaStar }` naming the very key asked, and its value is used only
 * when plausible (`plausibleAlphaStar`). Any problem makes it a miss: the run computes.
 * `onMiss` is told once, before the first computation, so the run can say why it waits.
 */
export function designCache(base: string, onMiss: () => void = () => {}): AlphaStarCache {
  const folders = cacheFolders(base)
  const dir = folders[folders.length - 1]!
  let missed = false
  return {
    get(key) {
      const value = readEntry(folders, dir, key)
      if (value === undefined && !missed) {
        missed = true
        onMiss()
      }
      return value
    },
    set(key, alphaStar) {
      writeEntry(folders, dir, key, alphaStar)
    }
  }
}

function entryPath(dir: string, key: string): string {
  return join(dir, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`)
}

function readEntry(folders: readonly string[], dir: string, key: string): unknown {
  if (!privateFolders(folders)) return undefined
  let fd: number
  try {
    fd = openSync(entryPath(dir, key), constants.O_RDONLY | constants.O_NOFOLLOW)
  } catch {
    return undefined
  }
  try {
    const stats = fstatSync(fd)
    if (!stats.isFile() || !ownPrivate(stats) || stats.size > MAX_ENTRY_BYTES) return undefined
    const entry: unknown = JSON.parse(readFileSync(fd, 'utf8'))
    if (typeof entry !== 'object' || entry === null) return undefined
    const { key: named, alphaStar } = entry as Record<string, unknown>
    return named === key ? alphaStar : undefined
  } catch {
    return undefined
  } finally {
    closeSync(fd)
  }
}

/** Written whole or not at all (a new file renamed into place); failures only cost time. */
function writeEntry(folders: readonly string[], dir: string, key: string, alphaStar: number): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
  } catch {
    return
  }
  if (!privateFolders(folders)) return
  const path = entryPath(dir, key)
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`
  try {
    writeFileSync(temporary, JSON.stringify({ key, alphaStar }), { flag: 'wx', mode: 0o600 })
    renameSync(temporary, path)
  } catch {
    rmSync(temporary, { force: true })
  }
}

/** Whether each folder is a real folder (no link) that only this user owns and may write. */
function privateFolders(folders: readonly string[]): boolean {
  try {
    return folders.every(folder => {
      const stats = lstatSync(folder)
      return stats.isDirectory() && ownPrivate(stats)
    })
  } catch {
    return false
  }
}

/** Owned by this user and writable by no one else (where the platform has owners). */
function ownPrivate(stats: Stats): boolean {
  if (process.getuid === undefined) return true
  return stats.uid === process.getuid() && (stats.mode & 0o022) === 0
}
