import { InputError } from '../../core/errors/errors'

export type PulumiOs = 'linux' | 'darwin' | 'windows'
export type PulumiArch = 'x64' | 'arm64'
export type ArchiveExtension = 'tar.gz' | 'zip'

/** Where Pulumi runs, in the names its release archives use. */
export interface PulumiPlatform {
  os: PulumiOs
  arch: PulumiArch
  /** Releases ship a zip for Windows and a tar.gz elsewhere. */
  archiveExtension: ArchiveExtension
  binaryName: 'pulumi' | 'pulumi.exe'
}

const OS_NAMES: Partial<Record<NodeJS.Platform, PulumiOs>> = {
  linux: 'linux',
  darwin: 'darwin',
  win32: 'windows'
}

const ARCH_NAMES: Partial<Record<string, PulumiArch>> = { x64: 'x64', arm64: 'arm64' }

/** The release names for a Node.js platform and architecture (default: this machine). */
export function pulumiPlatform(
  platform: NodeJS.Platform = process.platform,
  arch: string = process.arch
): PulumiPlatform {
  const os = OS_NAMES[platform]
  const pulumiArch = ARCH_NAMES[arch]
  if (!os || !pulumiArch) {
    throw new InputError(
      `Pulumi releases exist for linux, darwin and windows on x64 and arm64, not for ${platform}/${arch}`
    )
  }
  return {
    os,
    arch: pulumiArch,
    archiveExtension: os === 'windows' ? 'zip' : 'tar.gz',
    binaryName: os === 'windows' ? 'pulumi.exe' : 'pulumi'
  }
}
