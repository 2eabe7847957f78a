import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BenchmarkError, InputError } from '../../src/core/errors/errors'
import { releaseIndexUrl, releasesBetween } from '../../src/pulumi/install/release-index'
import { DEFAULT_DOWNLOAD_URL } from '../../src/pulumi/install/releases'
import { serveReleases, type ReleaseServer } from '../helpers/pulumi-releases'

const NO_WAIT = { attempts: 1, delayMs: 0 }

let dir: string
let server: ReleaseServer

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ppg-index-'))
  vi.stubEnv('RUNNER_TOOL_CACHE', path.join(dir, 'tool-cache'))
  await writeFile(path.join(dir, 'versions'), '3.181.0\n3.182.0\n3.183.0\n')
  server = await serveReleases(dir)
})

afterEach(async () => {
  vi.unstubAllEnvs()
  await server.close()
  await rm(dir, { recursive: true, force: true })
})

const between = (good: string, bad: string) =>
  releasesBetween({ good, bad, downloadUrl: server.url, retry: NO_WAIT })

describe('release index', () => {
  it("reads Pulumi's tags on GitHub by default, and a mirror's own list", () => {
    expect(releaseIndexUrl(DEFAULT_DOWNLOAD_URL)).toEqual({
      url: 'https://api.github.com/repos/pulumi/pulumi/git/matching-refs/tags/v',
      format: 'github-tags'
    })
    expect(releaseIndexUrl(`${DEFAULT_DOWNLOAD_URL}/`).format).toBe('github-tags')
    expect(releaseIndexUrl('https://mirror.example/pulumi/')).toEqual({
      url: 'https://mirror.example/pulumi/versions',
      format: 'lines'
    })
  })

  it('caches the list, and asks again only when an end is not in it', async () => {
    expect(await between('3.181.0', '3.183.0')).toEqual(['3.181.0', '3.182.0', '3.183.0'])
    expect(await between('3.182.0', '3.183.0')).toEqual(['3.182.0', '3.183.0'])
    expect(server.requests).toEqual(['versions'])

    await writeFile(path.join(dir, 'versions'), '3.181.0\n3.182.0\n3.183.0\n3.184.0\n')
    expect(await between('3.183.0', '3.184.0')).toEqual(['3.183.0', '3.184.0'])
    expect(server.requests).toEqual(['versions', 'versions'])
  })

  it('says an end is no release (bad input), and a failing index is a failed run', async () => {
    await expect(between('3.181.0', '3.190.0')).rejects.toThrow(InputError)
    server.faults.set('versions', 503)
    await rm(path.join(dir, 'tool-cache'), { recursive: true })
    await expect(between('3.181.0', '3.182.0')).rejects.toThrow(BenchmarkError)
    server.faults.set('versions', 404)
    await expect(between('3.181.0', '3.182.0')).rejects.toThrow(
      /could not read the list of Pulumi releases: .*versions returned 404/
    )
  })
})
