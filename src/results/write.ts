import { access, constants, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { BenchmarkError, InputError } from '../core/errors'
import { redactedJson, type Redact } from '../core/redact'
import { describeFileError, fileErrorCode } from '../core/file-errors'

/** The results file could not be written; the run's report is still published. */
export class ResultsWriteError extends BenchmarkError {
  override name = 'ResultsWriteError'
}

/**
 * Writes a results file whole or not at all (temp file + rename), making its folder.
 * A write that fails (a full disk) leaves no temporary file and names the path.
 */
export async function writeResults(
  path: string,
  data: unknown,
  redact: Redact = text => text
): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`
  try {
    await mkdir(dirname(path), { recursive: true })
    await writeFile(temporary, redactedJson(data, redact))
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined)
    throw new ResultsWriteError(
      `could not write the results file ${path}: ${describeFileError(error)}`
    )
  }
}

/**
 * Checks, before anything runs, that the results file can be written: not a folder, not
 * under a file, in a folder (or under one to be made) this process may write. Creates
 * nothing. Throws one line naming `results-file`.
 */
export async function checkResultsPath(path: string): Promise<void> {
  const input = 'results-file'
  const found = await stat(path).catch(() => undefined)
  if (found?.isDirectory()) {
    throw new InputError(`${input}: ${path} is a folder; name a file, such as ${path}/results.json`)
  }
  let folder = dirname(path)
  let existing = await stat(folder).catch(() => undefined)
  while (existing === undefined && dirname(folder) !== folder) {
    folder = dirname(folder)
    existing = await stat(folder).catch(() => undefined)
  }
  if (existing !== undefined && !existing.isDirectory()) {
    throw new InputError(`${input}: ${path} cannot be written: ${folder} is a file, not a folder`)
  }
  try {
    await access(folder, constants.W_OK | constants.X_OK)
  } catch (error) {
    throw new InputError(
      `${input}: ${path} cannot be written: ${folder} is not writable (${fileErrorCode(error)})`
    )
  }
}
