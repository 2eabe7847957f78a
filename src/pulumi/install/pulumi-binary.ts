import { accessSync, constants, statSync } from 'node:fs'
import path from 'node:path'
import { InputError } from '../../core/errors/errors'
import { parseVersion } from '../versions/version-spec'
import { describeFailure, runCaptured } from '../run'

/**
 * The `pulumi` binary in a folder: directly in it (new archive layout, `pulumi/`) or in
 * its `bin/` (old layout `pulumi/bin/`, and `~/.pulumi/` installs). Null if neither.
 */
export function findPulumiInFolder(folder: string, binaryName: string): string | null {
  for (const candidate of [path.join(folder, binaryName), path.join(folder, 'bin', binaryName)]) {
    if (isExecutableFile(candidate)) return candidate
  }
  return null
}

/** The first executable `binaryName` on a PATH-style list of folders, or null. */
export function findOnPath(binaryName: string, pathList: string | undefined): string | null {
  for (const folder of (pathList ?? '').split(path.delimiter)) {
    if (!folder) continue
    const candidate = path.resolve(folder, binaryName)
    if (isExecutableFile(candidate)) return candidate
  }
  return null
}

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false
    // Windows has no execute bit: a file is enough there.
    if (process.platform !== 'win32') accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** The version `pulumi version` reports (it prints e.g. `v3.43.1`), without the `v`. */
export async function readPulumiVersion(binary: string, input: string): Promise<string> {
  const args = ['version']
  const result = await runCaptured(binary, args, {
    env: { PULUMI_SKIP_UPDATE_CHECK: 'true' },
    timeoutMs: 60_000
  })
  if (result.exitCode !== 0) {
    throw new InputError(`${input}: ${describeFailure(binary, args, result)}`)
  }
  const firstLine = result.stdout.trim().split(/\r?\n/)[0] ?? ''
  const version = parseVersion(firstLine)
  if (!version) {
    throw new InputError(
      `${input}: ${binary} does not look like pulumi: \`version\` printed "${firstLine.slice(0, 80)}"`
    )
  }
  return version
}
