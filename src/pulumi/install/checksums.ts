import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'

/** Reads `sha256  filename` lines (sha256sum's format) into filename → lower-case digest. */
export function parseChecksums(text: string): Map<string, string> {
  const digests = new Map<string, string>()
  for (const line of text.split(/\r?\n/)) {
    const match = /^([0-9a-fA-F]{64})\s+\*?(\S+)\s*$/.exec(line)
    if (match?.[1] && match[2]) digests.set(match[2], match[1].toLowerCase())
  }
  return digests
}

/** The SHA-256 of a file, hex encoded, without reading it into memory at once. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256')
  await pipeline(createReadStream(file), hash)
  return hash.digest('hex')
}
