import { stat } from 'node:fs/promises'
import path from 'node:path'
import * as tc from '@actions/tool-cache'
import { InputError } from '../../core/errors/errors'
import { fetchText } from './download'
import type { RetryOptions } from './download'
import { explainDownloadError, fetchRelease } from './fetch-release'
import { pulumiPlatform } from './platform'
import type { PulumiPlatform } from './platform'
import { findOnPath, findPulumiInFolder, readPulumiVersion } from './pulumi-binary'
import { DEFAULT_DOWNLOAD_URL, latestVersionUrl } from './releases'
import { TOOL_NAME, ensureToolCacheEnv } from './tool-cache-env'
import { parseVersion, parseVersionSpec } from '../versions/version-spec'

export interface ResolveOptions {
  /** The input named in error messages: `baseline-version` or `candidate-version`. */
  input: string
  /** Where archives and checksum files are fetched from (`pulumi-download-url`). */
  downloadUrl?: string
  /** Whether `installed` (the `pulumi` on PATH) is an allowed value. */
  allowInstalled?: boolean
  /** Default: this machine. Tests pass another archive extension to exercise zip. */
  platform?: PulumiPlatform
  retry?: RetryOptions
  /** Progress lines (what is downloaded, what came from the cache). */
  log?: (line: string) => void
}

export interface ResolvedPulumi {
  /** Absolute path of the `pulumi` binary. */
  path: string
  /** What `pulumi version` reports, without the `v`. */
  version: string
  source: 'download' | 'cache' | 'path' | 'installed'
}

/** Turns a `*-version` input into a runnable `pulumi`, downloading and caching it if needed. */
export async function resolvePulumi(
  value: string,
  options: ResolveOptions
): Promise<ResolvedPulumi> {
  const { input } = options
  const platform = options.platform ?? pulumiPlatform()
  const spec = parseVersionSpec(value, input, { allowInstalled: options.allowInstalled ?? false })
  switch (spec.kind) {
    case 'path':
      return { ...(await binaryAtPath(spec.path, platform, input)), source: 'path' }
    case 'installed':
      return { ...(await binaryOnPath(platform, input)), source: 'installed' }
    case 'latest':
    case 'version': {
      const downloadUrl = checkDownloadUrl(options.downloadUrl ?? DEFAULT_DOWNLOAD_URL)
      const version =
        spec.kind === 'version' ? spec.version : await latestVersion(downloadUrl, options)
      return installVersion(version, downloadUrl, platform, options)
    }
  }
}

async function binaryAtPath(
  given: string,
  platform: PulumiPlatform,
  input: string
): Promise<{ path: string; version: string }> {
  const absolute = path.resolve(given)
  const stats = await stat(absolute).catch(() => null)
  if (!stats) throw new InputError(`${input}: ${given} does not exist`)
  const binary = stats.isDirectory() ? findPulumiInFolder(absolute, platform.binaryName) : absolute
  if (!binary) {
    throw new InputError(
      `${input}: ${given} holds no executable ${platform.binaryName} (nor bin/${platform.binaryName})`
    )
  }
  return { path: binary, version: await readPulumiVersion(binary, input) }
}

async function binaryOnPath(
  platform: PulumiPlatform,
  input: string
): Promise<{ path: string; version: string }> {
  const binary = findOnPath(platform.binaryName, process.env['PATH'])
  if (!binary) {
    throw new InputError(
      `${input}: installed: no ${platform.binaryName} found on PATH; install Pulumi first or give a version such as 3.43.1`
    )
  }
  return { path: binary, version: await readPulumiVersion(binary, input) }
}

/**
 * Releases come over https: a checksum fetched over plain http proves nothing, since
 * whoever can change the archive can change it too. Plain http only reaches this
 * machine itself (a local mirror, tests).
 */
function checkDownloadUrl(url: string): string {
  let parsed: URL | undefined
  try {
    parsed = new URL(url)
  } catch {
    // reported below
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed?.hostname ?? '')
  if (parsed?.protocol !== 'https:' && !(parsed?.protocol === 'http:' && loopback)) {
    throw new InputError(
      `pulumi-download-url: "${url}" is not allowed; use an https URL (plain http only to this machine: 127.0.0.1, localhost or [::1])`
    )
  }
  return url
}

async function latestVersion(downloadUrl: string, options: ResolveOptions): Promise<string> {
  const url = latestVersionUrl(downloadUrl)
  const text = await fetchText(url, options.retry).catch((error: unknown) => {
    throw explainDownloadError(error, `${options.input}: could not read the latest Pulumi version`)
  })
  const version = parseVersion(text)
  if (!version) {
    throw new InputError(
      `${options.input}: ${url} did not answer with a version (got "${text.trim().slice(0, 40)}")`
    )
  }
  options.log?.(`Latest Pulumi version: ${version}`)
  return version
}

async function installVersion(
  version: string,
  downloadUrl: string,
  platform: PulumiPlatform,
  options: ResolveOptions
): Promise<ResolvedPulumi> {
  ensureToolCacheEnv()
  const cached = tc.find(TOOL_NAME, version, platform.arch)
  const cachedBinary = cached ? findPulumiInFolder(cached, platform.binaryName) : null
  if (cachedBinary) {
    options.log?.(`Pulumi ${version}: found in the tool cache (${cached})`)
    const reported = await readPulumiVersion(cachedBinary, options.input)
    return { path: cachedBinary, version: reported, source: 'cache' }
  }
  const binary = await fetchRelease({ ...options, version, downloadUrl, platform })
  return {
    path: binary,
    version: await readPulumiVersion(binary, options.input),
    source: 'download'
  }
}
