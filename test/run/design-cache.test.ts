import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { designCache, designCacheBase } from '../../src/run/pipeline/design-cache'

const KEY = 'mean looks 3,4,5 target 0.05 gamma -3 from 0'
const OTHER = 'mean looks 3,4,5,6 target 0.05 gamma -3 from 0'

function freshBase(): string {
  const base = mkdtempSync(join(tmpdir(), 'ppg-design-cache-'))
  onTestFinished(() => rmSync(base, { recursive: true, force: true }))
  return base
}

/** The folder the entries went to, and the one entry file in it. */
function entryFile(base: string): { dir: string; file: string } {
  const kind = join(base, 'pulumi-perf-gate', 'alpha-star')
  const [code] = readdirSync(kind)
  const dir = join(kind, code!)
  const files = readdirSync(dir)
  expect(files).toHaveLength(1)
  return { dir, file: join(dir, files[0]!) }
}

describe('the α* cache', () => {
  it('gives back what a run stored, in folders and a file only its user can touch', () => {
    const base = freshBase()
    designCache(base).set(KEY, 0.0471)
    expect(designCache(base).get(KEY)).toBe(0.0471)
    expect(designCache(base).get(OTHER)).toBeUndefined()
    const { dir, file } = entryFile(base)
    if (process.platform !== 'win32') {
      expect(statSync(dir).mode & 0o777).toBe(0o700)
      expect(statSync(file).mode & 0o777).toBe(0o600)
    }
  })

  it('tells of its first miss only, before the run computes', () => {
    const base = freshBase()
    let misses = 0
    const cache = designCache(base, () => misses++)
    cache.get(KEY)
    cache.get(OTHER)
    expect(misses).toBe(1)
  })

  it('never reads an entry that names another key: a file copied over gives nothing', () => {
    const base = freshBase()
    designCache(base).set(OTHER, 0.03)
    const { file: other } = entryFile(base)
    const copy = readFileSync(other)
    rmSync(other)
    designCache(base).set(KEY, 0.04)
    const { file } = entryFile(base)
    writeFileSync(file, copy)
    expect(designCache(base).get(KEY)).toBeUndefined()
  })

  it.each([
    ['not JSON', 'not json'],
    ['JSON of another shape', '[0.04]'],
    ['too large', JSON.stringify({ key: KEY, alphaStar: 0.04, pad: 'x'.repeat(5000) })]
  ])('gives nothing for an entry that is %s', (_, content) => {
    const base = freshBase()
    designCache(base).set(KEY, 0.04)
    writeFileSync(entryFile(base).file, content)
    expect(designCache(base).get(KEY)).toBeUndefined()
  })

  it.skipIf(process.platform === 'win32')(
    'trusts no entry or folder another user could write, nor a link',
    () => {
      const base = freshBase()
      designCache(base).set(KEY, 0.04)
      const { dir, file } = entryFile(base)

      chmodSync(file, 0o666)
      expect(designCache(base).get(KEY)).toBeUndefined()
      chmodSync(file, 0o600)
      expect(designCache(base).get(KEY)).toBe(0.04)

      chmodSync(join(base, 'pulumi-perf-gate'), 0o777)
      expect(designCache(base).get(KEY)).toBeUndefined()
      // Nor does it write there.
      designCache(base).set(OTHER, 0.03)
      expect(readdirSync(dir)).toHaveLength(1)
      chmodSync(join(base, 'pulumi-perf-gate'), 0o700)

      const elsewhere = join(base, 'elsewhere.json')
      writeFileSync(elsewhere, readFileSync(file), { mode: 0o600 })
      rmSync(file)
      symlinkSync(elsewhere, file)
      expect(designCache(base).get(KEY)).toBeUndefined()
    }
  )

  it('leaves no temporary file behind when it cannot write', () => {
    const base = freshBase()
    designCache(base).set(KEY, 0.04)
    const { dir, file } = entryFile(base)
    rmSync(file)
    // A folder where the entry goes: renaming the new file there fails.
    mkdirSync(file)
    writeFileSync(join(file, 'inside'), '')
    designCache(base).set(KEY, 0.05)
    expect(readdirSync(dir)).toEqual([basename(file)])
    expect(designCache(base).get(KEY)).toBeUndefined()
  })
})

describe('where the cache lives', () => {
  it('is the runner tool cache in the action, RUNNER_TEMP without one', () => {
    expect(
      designCacheBase({ GITHUB_ACTIONS: 'true', RUNNER_TOOL_CACHE: '/t', RUNNER_TEMP: '/r' })
    ).toBe('/t')
    expect(designCacheBase({ GITHUB_ACTIONS: 'true', RUNNER_TEMP: '/r' })).toBe('/r')
    expect(designCacheBase({ GITHUB_ACTIONS: 'true' })).toBeUndefined()
  })

  it.runIf(process.platform === 'linux')(
    "is the user's cache folder on the command line (XDG_CACHE_HOME when absolute)",
    () => {
      expect(designCacheBase({ HOME: '/home/u', XDG_CACHE_HOME: '/c' })).toBe('/c')
      expect(designCacheBase({ HOME: '/home/u', XDG_CACHE_HOME: 'rel' })).toBe('/home/u/.cache')
      expect(designCacheBase({ HOME: '/home/u' })).toBe('/home/u/.cache')
    }
  )
})
