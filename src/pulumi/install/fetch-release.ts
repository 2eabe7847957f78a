import { randomUUID } from 'node:crypto'
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import * as tc from '@actions/tool-cache'
import { BenchmarkError, InputError } from '../../core/errors/errors'
import { parseChecksums, sha256File } from './checksums'
import { DownloadFailedError, HttpStatusError, downloadFile, fetchText } from './download'
import type { RetryOptions } from './download'
import type { PulumiPlatform } from './platform'
import { findPulumiInFolder } from './pulumi-binary'
import { archiveFileName, checksumsFileName, releaseFileUrl } from './releases'
import { TOOL_NAME } from './tool-cache-env'

export interface ReleaseRequest {
  version: string
  downloadUrl: string
  platform: PulumiPlatform
  /** The input named in error messages. */
  input: string
  retry?: RetryOptions
  log?: (line: string) => void
}

/**
 * Downloads a release archive, checks its SHA-256 against the release's checksum file
 * before extracting anything, extracts it, and puts the folder holding `pulumi` (and its
 * language hosts) in the tool cache. Returns the cached binary. Any failure is one line.
 */
export async function fetchRelease(request: ReleaseRequest): Promise<string> {
  const { version, downloadUrl, platform, input } = request
  const archiveName = archiveFileName(version, platform, platform.archiveExtension)
  const archiveUrl = releaseFileUrl(downloadUrl, archiveName)
  const checksumsUrl = releaseFileUrl(downloadUrl, checksumsFileName(version))
  const explain = (error: unknown) => {
    throw explainDownloadError(
      error,
      `${input}: could not download Pulumi ${version}`,
      `${input}: Pulumi ${version} does not exist`
    )
  }
  const workDir = path.join(process.env['RUNNER_TEMP'] ?? '', `pulumi-perf-gate-${randomUUID()}`)
  await mkdir(workDir, { recursive: true })
  try {
    const checksums = await fetchText(checksumsUrl, request.retry).catch(explain)
    const expected = parseChecksums(checksums).get(archiveName)
    if (!expected) {
      throw new InputError(`${input}: ${checksumsUrl} lists no checksum for ${archiveName}`)
    }

    request.log?.(`Pulumi ${version}: downloading ${archiveUrl}`)
    const archive = path.join(workDir, archiveName)
    await downloadFile(archiveUrl, archive, request.retry).catch(explain)
    const actual = await sha256File(archive)
    if (actual !== expected) {
      // What arrived is not the release (cut short, or changed on the way): a failed
      // download, not bad input.
      throw new BenchmarkError(
        `${input}: checksum mismatch for ${archiveUrl}: ${checksumsUrl} says sha256 ${expected}, the download has ${actual}; archive refused`
      )
    }

    const extracted = await extractArchive(
      archive,
      path.join(workDir, 'extracted'),
      platform
    ).catch((error: unknown) => {
      const detail = error instanceof Error ? error.message.split('\n')[0] : String(error)
      throw new InputError(`${input}: ${archiveUrl} could not be extracted (${detail})`)
    })
    const binary = findPulumiInFolder(path.join(extracted, 'pulumi'), platform.binaryName)
    if (!binary) {
      throw new InputError(
        `${input}: ${archiveUrl} holds neither pulumi/${platform.binaryName} nor pulumi/bin/${platform.binaryName}`
      )
    }
    const cachedDir = await tc.cacheDir(path.dirname(binary), TOOL_NAME, version, platform.arch)
    return path.join(cachedDir, platform.binaryName)
  } finally {
    await rm(workDir, { recursive: true, force: true })
  }
}

function extractArchive(archive: string, dest: string, platform: PulumiPlatform): Promise<string> {
  return platform.archiveExtension === 'zip'
    ? tc.extractZip(archive, dest)
    : tc.extractTar(archive, dest)
}

/**
 * A download failure as one line starting with `context`. A 404 is bad input (exit 2),
 * starting with `notFound`, since it means the version does not exist; a server or
 * network that failed (after the retries) is a failure of the run (exit 1): the same
 * input may work on the next try. Other errors pass through.
 */
export function explainDownloadError(error: unknown, context: string, notFound = context): Error {
  if (error instanceof HttpStatusError && error.status === 404) {
    return new InputError(`${notFound}: ${error.message}`)
  }
  if (error instanceof HttpStatusError || error instanceof DownloadFailedError) {
    return new BenchmarkError(`${context}: ${error.message}`)
  }
  return error instanceof Error ? error : new Error(String(error))
}
