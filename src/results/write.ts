import { mkdir, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { redactedJson, type Redact } from '../core/redact'

/** Writes a results file whole or not at all (temp file + rename), making its folder. */
export async function writeResults(
  path: string,
  data: unknown,
  redact: Redact = text => text
): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temporary = `${path}.${process.pid}.tmp`
  await writeFile(temporary, redactedJson(data, redact))
  await rename(temporary, path)
}
