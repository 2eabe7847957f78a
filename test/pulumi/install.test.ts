import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { BenchmarkError, InputError } from '../../src/core/errors/errors'
import { resolvePulumi } from '../../src/pulumi/install/install'
import type { ResolveOptions } from '../../src/pulumi/install/install'
import { pulumiPlatform } from '../../src/pulumi/install/platform'
import { archiveFileName, checksumsFileName } from '../../src/pulumi/install/releases'
import { buildReleases, serveReleases, writeSimBinaryFolder } from '../helpers/pulumi-releases'
import type { ReleaseServer } from '../helpers/pulumi-releases'

const platform = pulumiPlatform()
const tarball = (version: string) => archiveFileName(version, platform, 'tar.gz')

let root: string
let releasesDir: string
let server: ReleaseServer

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'perf-gate-install-'))
  releasesDir = path.join(root, 'releases')
  await buildReleases(releasesDir, {
    releases: [
      { version: '3.43.1' },
      { version: '3.44.3' },
      { version: '3.30.0', layout: 'pulumi/bin' },
      { version: '3.31.0', damaged: true }
    ],
    latest: '3.44.3'
  })
  server = await serveReleases(releasesDir)
})

afterAll(async () => {
  await server.close()
  await rm(root, { recursive: true, force: true })
})

// A fresh tool cache and temp folder per test, as a new runner would have.
beforeEach(async () => {
  const runDir = await mkdtemp(path.join(root, 'run-'))
  process.env['RUNNER_TOOL_CACHE'] = path.join(runDir, 'tool-cache')
  process.env['RUNNER_TEMP'] = path.join(runDir, 'temp')
  await mkdir(process.env['RUNNER_TEMP'], { recursive: true })
  server.faults.clear()
  server.nextFaults.clear()
  server.requests.length = 0
})

function resolve(value: string, options: Partial<ResolveOptions> = {}) {
  return resolvePulumi(value, {
    input: 'baseline-version',
    downloadUrl: server.url,
    retry: { attempts: 2, delayMs: 5 },
    ...options
  })
}

/** The message of the InputError a promise rejects with; fails the test otherwise. */
/** The one-line message of a rejection of `kind`: bad input (exit 2) or a failure (exit 1). */
async function oneLineError(
  promise: Promise<unknown>,
  kind: typeof InputError | typeof BenchmarkError
): Promise<string> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason
  )
  expect(error).toBeInstanceOf(kind)
  const { message } = error as Error
  expect(message).not.toContain('\n')
  return message
}
const inputError = (promise: Promise<unknown>) => oneLineError(promise, InputError)
/** A download that failed: the same input may work next time, so not bad input. */
const downloadFailure = (promise: Promise<unknown>) => oneLineError(promise, BenchmarkError)

async function leftoverDownloads(): Promise<string[]> {
  return readdir(process.env['RUNNER_TEMP'] ?? '')
}

describe('resolvePulumi with a version', () => {
  it('downloads, verifies and caches a tar.gz release with the new pulumi/ layout', async () => {
    const resolved = await resolve('3.43.1')

    expect(resolved.source).toBe('download')
    expect(resolved.version).toBe('3.43.1')
    expect(path.isAbsolute(resolved.path)).toBe(true)
    expect(resolved.path.startsWith(process.env['RUNNER_TOOL_CACHE'] ?? '?')).toBe(true)
    expect(path.basename(resolved.path)).toBe('pulumi')
    // The language hosts travel with the binary.
    expect(existsSync(path.join(path.dirname(resolved.path), 'pulumi-language-python'))).toBe(true)
    expect(server.requests).toEqual([checksumsFileName('3.43.1'), tarball('3.43.1')])
    expect(await leftoverDownloads()).toEqual([])
  })

  it('accepts the v-prefixed form', async () => {
    const resolved = await resolve('v3.44.3')
    expect(resolved.version).toBe('3.44.3')
    expect(server.requests).toContain(tarball('3.44.3'))
  })

  it('serves a second resolve from the tool cache, with the server gone', async () => {
    const ownServer = await serveReleases(releasesDir)
    const first = await resolve('3.43.1', { downloadUrl: ownServer.url })
    await ownServer.close()

    const second = await resolve('3.43.1', { downloadUrl: ownServer.url })

    expect(second).toEqual({ ...first, source: 'cache' })
  })

  it('installs an old release whose binaries sit in pulumi/bin/', async () => {
    const resolved = await resolve('3.30.0')
    expect(resolved.version).toBe('3.30.0')
    expect(existsSync(path.join(path.dirname(resolved.path), 'pulumi-language-nodejs'))).toBe(true)
  })

  it('installs a zip release', async () => {
    const resolved = await resolve('3.43.1', { platform: { ...platform, archiveExtension: 'zip' } })
    expect(resolved.version).toBe('3.43.1')
    expect(server.requests).toContain(archiveFileName('3.43.1', platform, 'zip'))
  })

  it('reads latest from the mirror', async () => {
    const resolved = await resolve('latest')
    expect(resolved.version).toBe('3.44.3')
    expect(server.requests[0]).toBe('latest-version')
  })
})

describe('resolvePulumi refuses bad releases', () => {
  it('names the input and the URL for a version that does not exist', async () => {
    const message = await inputError(resolve('9.9.9'))
    expect(message).toBe(
      `baseline-version: Pulumi 9.9.9 does not exist: ${server.url}/${checksumsFileName('9.9.9')} returned 404`
    )
  })

  it('refuses an archive whose checksum does not match, and caches nothing', async () => {
    server.faults.set(tarball('3.43.1'), 'corrupt')
    const message = await downloadFailure(resolve('3.43.1'))
    expect(message).toMatch(/^baseline-version: checksum mismatch for .*; archive refused$/)
    expect(message).toContain(`${server.url}/${tarball('3.43.1')}`)
    expect(existsSync(path.join(process.env['RUNNER_TOOL_CACHE'] ?? '', 'pulumi'))).toBe(false)
    expect(await leftoverDownloads()).toEqual([])
  })

  it('retries a download cut short, then names the URL', async () => {
    server.faults.set(tarball('3.43.1'), 'truncate')
    const message = await downloadFailure(resolve('3.43.1'))
    expect(message).toContain(`${server.url}/${tarball('3.43.1')} failed after 2 attempts`)
    expect(server.requests.filter(name => name === tarball('3.43.1'))).toHaveLength(2)
  })

  it('gives up on an archive whose download stalls, after retrying, in one line', async () => {
    server.faults.set(tarball('3.43.1'), 'stall')
    const retry = { attempts: 2, delayMs: 5, idleTimeoutMs: 300 }
    const message = await downloadFailure(resolve('3.43.1', { retry }))
    expect(message).toBe(
      `baseline-version: could not download Pulumi 3.43.1: ${server.url}/${tarball('3.43.1')} failed after 2 attempts: it sent no data for 0.3 s`
    )
    expect(server.requests.filter(name => name === tarball('3.43.1'))).toHaveLength(2)
    expect(await leftoverDownloads()).toEqual([])
  })

  it('succeeds when a retry gets through', async () => {
    server.nextFaults.set(tarball('3.43.1'), ['drop'])
    server.nextFaults.set(checksumsFileName('3.43.1'), [503])
    const resolved = await resolve('3.43.1')
    expect(resolved.version).toBe('3.43.1')
    expect(server.requests.filter(name => name === tarball('3.43.1'))).toHaveLength(2)
  })

  it('reports an archive that cannot be extracted in one line', async () => {
    const message = await inputError(resolve('3.31.0'))
    expect(message).toMatch(/^baseline-version: .*pulumi-v3\.31\.0-.* could not be extracted/)
  })

  it('reports a server that cannot be reached', async () => {
    const message = await downloadFailure(resolve('3.43.1', { downloadUrl: 'http://127.0.0.1:1' }))
    expect(message).toMatch(
      /^baseline-version: could not download Pulumi 3\.43\.1: .* failed after 2 attempts/
    )
  })

  it('takes plain http only to this machine', async () => {
    const message = await inputError(resolve('3.43.1', { downloadUrl: 'http://mirror.example' }))
    expect(message).toMatch(/^pulumi-download-url: "http:\/\/mirror\.example" is not allowed/)
    const local = server.url.replace('127.0.0.1', 'localhost')
    expect((await resolve('3.43.1', { downloadUrl: local })).version).toBe('3.43.1')
  })

  it('refuses a download URL that is not http(s)', async () => {
    const message = await inputError(resolve('3.43.1', { downloadUrl: 'ftp://mirror/pulumi' }))
    expect(message).toMatch(
      /^pulumi-download-url: "ftp:\/\/mirror\/pulumi" is not allowed; use an https URL/
    )
  })
})

describe('resolvePulumi with a path or installed', () => {
  it('uses a binary as it is and reads its version', async () => {
    const binary = await writeSimBinaryFolder(path.join(root, 'own-build'), { version: '3.99.0' })
    expect(await resolve(binary)).toEqual({ path: binary, version: '3.99.0', source: 'path' })
    expect(await resolve(path.dirname(binary))).toEqual({
      path: binary,
      version: '3.99.0',
      source: 'path'
    })
    expect(server.requests).toEqual([])
  })

  it('finds the binary in the bin/ folder of a folder', async () => {
    const home = path.join(root, 'pulumi-home')
    const binary = await writeSimBinaryFolder(path.join(home, 'bin'), { version: '3.98.0' })
    expect(await resolve(home)).toMatchObject({ path: binary, version: '3.98.0' })
  })

  it('names a path that does not exist', async () => {
    const message = await inputError(resolve('./no/such/pulumi'))
    expect(message).toBe('baseline-version: ./no/such/pulumi does not exist')
  })

  it('finds installed on PATH, only where allowed', async () => {
    const binary = await writeSimBinaryFolder(path.join(root, 'on-path'), { version: '3.97.0' })
    const savedPath = process.env['PATH']
    try {
      process.env['PATH'] = `${path.dirname(binary)}${path.delimiter}${savedPath}`
      expect(
        await resolve('installed', { input: 'candidate-version', allowInstalled: true })
      ).toEqual({
        path: binary,
        version: '3.97.0',
        source: 'installed'
      })
      expect(await inputError(resolve('installed'))).toMatch(
        /^baseline-version: "installed" is not allowed/
      )

      // A PATH without any pulumi, whatever this machine has installed.
      process.env['PATH'] = path.join(root, 'empty')
      const message = await inputError(
        resolve('installed', { input: 'candidate-version', allowInstalled: true })
      )
      expect(message).toMatch(/^candidate-version: installed: no pulumi found on PATH/)
    } finally {
      process.env['PATH'] = savedPath
    }
  })

  it('refuses anything else, listing the allowed forms', async () => {
    const message = await inputError(resolve('3.43'))
    expect(message).toBe(
      'baseline-version: "3.43" is not allowed; use a version like 3.43.1 or v3.43.1, latest, ' +
        'a path to a pulumi binary or to a folder holding one (e.g. ./bin/pulumi)'
    )
  })
})
