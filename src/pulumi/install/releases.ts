import type { ArchiveExtension } from './platform'

/** Where Pulumi's release archives and checksum files are published. */
export const DEFAULT_DOWNLOAD_URL = 'https://get.pulumi.com/releases/sdk'
const DEFAULT_LATEST_VERSION_URL = 'https://www.pulumi.com/latest-version'

/** `pulumi-v3.43.1-linux-x64.tar.gz`, as published. */
export function archiveFileName(
  version: string,
  target: { os: string; arch: string },
  extension: ArchiveExtension
): string {
  return `pulumi-v${version}-${target.os}-${target.arch}.${extension}`
}

/** `pulumi-3.43.1-checksums.txt`: note there is no `v` here. */
export function checksumsFileName(version: string): string {
  return `pulumi-${version}-checksums.txt`
}

/** A file under the download URL, whether or not it ends with a slash. */
export function releaseFileUrl(downloadUrl: string, fileName: string): string {
  return `${downloadUrl.replace(/\/+$/, '')}/${fileName}`
}

/** The official site names the latest version; a mirror answers for itself. */
export function latestVersionUrl(downloadUrl: string): string {
  const isDefault = downloadUrl.replace(/\/+$/, '') === DEFAULT_DOWNLOAD_URL
  return isDefault ? DEFAULT_LATEST_VERSION_URL : releaseFileUrl(downloadUrl, 'latest-version')
}
