/**
 * The list of Pulumi releases (docs/bisect.md): Pulumi's tags on GitHub, or a mirror's
 * own `versions` file (a mirror answers for itself, as for `latest-version`), cached in
 * the tool cache's folder. A range between two releases never changes once both are
 * out, so a cached list that holds both ends is used without asking again.
 */
import { createHash, randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { BenchmarkError } from '../../core/errors/errors'
import { fetchText, type RetryOptions } from './download'
import { explainDownloadError } from './fetch-release'
import { DEFAULT_DOWNLOAD_URL, releaseFileUrl } from './releases'
import { ReleaseIndexError, parseReleaseIndex, versionsBetween } from '../versions/release-range'
import { ensureToolCacheEnv } from './tool-cache-env'

/**
 * Every tag of pulumi/pulumi that starts with `v`, in one answer: GitHub's matching-refs
 * is not paged (`per_page` is ignored, github/docs#3863), a few hundred short entries,
 * well under fetchText's 1 MB. Release pages are paged and carry every asset and the notes: a few MB
 * and a dozen requests of the 60 an hour GitHub allows without a token.
 */
const PULUMI_TAGS_URL = 'https://api.github.com/repos/pulumi/pulumi/git/matching-refs/tags/v'

/** Where the list of releases comes from for a `pulumi-download-url`. */
export function releaseIndexUrl(downloadUrl: string): {
  url: string
  format: 'github-tags' | 'lines'
} {
  const isDefault = downloadUrl.replace(/\/+$/, '') === DEFAULT_DOWNLOAD_URL
  return isDefault
    ? { url: PULUMI_TAGS_URL, format: 'github-tags' }
    : { url: releaseFileUrl(downloadUrl, 'versions'), format: 'lines' }
}

export interface ReleaseRangeRequest {
  good: string
  bad: string
  downloadUrl: string
  retry?: RetryOptions
  log?: (line: string) => void
}

/** The released versions from good to bad, oldest first, both included. */
export async function releasesBetween(request: ReleaseRangeRequest): Promise<string[]> {
  const { url, format } = releaseIndexUrl(request.downloadUrl)
  const cacheFile = cachePath(url)
  const cached = await readCached(cacheFile)
  const holdsBoth = (list: string[]) => list.includes(request.good) && list.includes(request.bad)
  if (cached !== null && holdsBoth(cached)) {
    request.log?.(`Pulumi releases: the cached list of ${url}`)
    return versionsBetween(cached, request.good, request.bad, url)
  }
  request.log?.(`Pulumi releases: reading ${url}`)
  const text = await fetchText(url, request.retry).catch((error: unknown) => {
    throw explainDownloadError(error, `could not read the list of Pulumi releases`)
  })
  let released: string[]
  try {
    released = parseReleaseIndex(text, format)
  } catch (error) {
    if (!(error instanceof ReleaseIndexError)) throw error
    throw new BenchmarkError(`${url} is no list of Pulumi releases: ${error.message}`)
  }
  await writeCached(cacheFile, released)
  return versionsBetween(released, request.good, request.bad, url)
}

function cachePath(url: string): string {
  ensureToolCacheEnv()
  const key = createHash('sha256').update(url).digest('hex').slice(0, 16)
  return path.join(process.env['RUNNER_TOOL_CACHE']!, 'pulumi-releases', `${key}.txt`)
}

async function readCached(file: string): Promise<string[] | null> {
  const text = await readFile(file, 'utf8').catch(() => null)
  return text === null ? null : parseReleaseIndex(text, 'lines')
}

/** Written whole or not at all: a run beside this one never reads half a list. */
async function writeCached(file: string, versions: readonly string[]): Promise<void> {
  const temp = `${file}.${randomUUID()}`
  try {
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(temp, `${versions.join('\n')}\n`)
    await rename(temp, file)
  } catch {
    // A cache that cannot be written costs the next run one request, nothing more.
    await rm(temp, { force: true })
  }
}
