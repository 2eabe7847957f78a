import type { Stats } from 'node:fs'
import {
  access,
  constants,
  lstat,
  mkdir,
  readlink,
  realpath,
  rename,
  rm,
  stat,
  writeFile
} from 'node:fs/promises'
import { dirname, join, resolve, sep } from 'node:path'
import { BenchmarkError, InputError } from '../../core/errors/errors'
import { NO_SECRETS, redactedJson, type Redact } from '../../core/redact'
import { describeFileError, fileErrorCode } from '../../core/errors/file-errors'

/** The results file could not be written; the run's report is still published. */
export class ResultsWriteError extends BenchmarkError {
  override name = 'ResultsWriteError'
}

/**
 * The file a results path names: a symbolic link's target, even one still to be
 * written, so that the rename replaces the target and the link stays.
 */
async function resultsTarget(path: string): Promise<string> {
  const found = await lstat(path).catch(() => undefined)
  if (!found?.isSymbolicLink()) return path
  const target = await realpath(path).catch((error: unknown) => {
    if (fileErrorCode(error) !== 'ENOENT') throw error // a loop, a target under a file
  })
  if (target !== undefined) return target
  // The kernel reads a relative target from the link's real folder.
  const folder = await realpath(dirname(path)).catch(() => dirname(path))
  return resultsTarget(resolve(folder, await readlink(path)))
}

/**
 * Writes a results file whole or not at all (temp file + rename), making its folder.
 * A write that fails (a full disk) leaves no temporary file and names the path.
 */
export async function writeResults(
  path: string,
  data: unknown,
  redact: Redact = NO_SECRETS
): Promise<void> {
  let temporary: string | undefined
  try {
    const file = await resultsTarget(path)
    temporary = `${file}.${process.pid}.tmp`
    await mkdir(dirname(file), { recursive: true })
    // Exclusive: a link planted under the temporary name is not written through.
    await writeFile(temporary, redactedJson(data, redact), { flag: 'wx' })
    await rename(temporary, file)
  } catch (error) {
    if (temporary !== undefined) await rm(temporary, { force: true }).catch(() => undefined)
    throw new ResultsWriteError(
      `could not write the results file ${path}: ${describeFileError(error)}`
    )
  }
}

/** What is at a path, in words: `a named pipe (FIFO)`. */
function kind(found: Stats): string {
  if (found.isFIFO()) return 'a named pipe (FIFO)'
  if (found.isSocket()) return 'a socket'
  if (found.isCharacterDevice() || found.isBlockDevice()) return 'a device'
  if (found.isSymbolicLink()) return 'a link to nothing'
  return found.isDirectory() ? 'a folder' : 'a file'
}

const INPUT = 'results-file'

/**
 * Checks, before anything runs, that the results file can be written: not a folder, not
 * a FIFO, socket or device (the rename would replace it), not under a file, in a folder
 * (or under one to be made) this process may write; a symbolic link is checked at its
 * target. Then that the commands' logs can go beside it. Creates nothing. Throws one
 * line naming `results-file`.
 */
export async function checkResultsPath(path: string): Promise<void> {
  // It names a folder; resolve() drops the separator, so this needs the path as typed.
  if (path.endsWith('/') || path.endsWith(sep)) {
    const example = join(path, 'results.json')
    throw new InputError(
      `${INPUT}: ${path} is a folder (it ends in ${path.at(-1)}); name a file, such as ${example}`
    )
  }
  const file = await resultsTarget(path).catch((error: unknown) => {
    throw new InputError(`${INPUT}: ${path} cannot be written: ${describeFileError(error)}`)
  })
  const found = await stat(file).catch(() => undefined)
  if (found?.isDirectory()) {
    throw new InputError(
      `${INPUT}: ${path} is a folder; name a file, such as ${join(path, 'results.json')}`
    )
  }
  if (found !== undefined && !found.isFile()) {
    const what = file === path ? `is ${kind(found)}` : `is a link to ${file}, ${kind(found)}`
    throw new InputError(
      `${INPUT}: ${path} ${what}, not a regular file; name a new file or a regular one to replace`
    )
  }
  await checkFolder(path, dirname(file))
  await checkLogs(path)
}

/** `logs` beside the path given (pipeline.ts) is absent, or a folder this process may write. */
async function checkLogs(path: string): Promise<void> {
  const logs = join(dirname(path), 'logs')
  const link = await lstat(logs).catch(() => undefined)
  const found = await stat(logs).catch(() => link)
  if (found === undefined) return checkFolder(path, dirname(path))
  // The logs are written into it: through a link, into a folder someone else chose.
  const problem = link?.isSymbolicLink()
    ? 'is a symbolic link'
    : !found.isDirectory()
      ? `is ${kind(found)}`
      : await access(logs, constants.W_OK | constants.X_OK).then(
          () => undefined,
          (error: unknown) => `is not writable (${fileErrorCode(error)})`
        )
  if (problem !== undefined) {
    throw new InputError(
      `${INPUT}: ${path} cannot be used: ${logs} ${problem}; the logs of the commands go there`
    )
  }
}

/** `start`, or the nearest folder above it that exists, is a folder this process may write. */
async function checkFolder(path: string, start: string): Promise<void> {
  let folder = start
  let existing = await stat(folder).catch(() => undefined)
  while (existing === undefined && dirname(folder) !== folder) {
    folder = dirname(folder)
    existing = await stat(folder).catch(() => undefined)
  }
  if (existing !== undefined && !existing.isDirectory()) {
    throw new InputError(`${INPUT}: ${path} cannot be written: ${folder} is a file, not a folder`)
  }
  try {
    await access(folder, constants.W_OK | constants.X_OK)
  } catch (error) {
    throw new InputError(
      `${INPUT}: ${path} cannot be written: ${folder} is not writable (${fileErrorCode(error)})`
    )
  }
}
