import {
  constants,
  closeSync,
  createReadStream,
  createWriteStream,
  openSync,
  readSync,
  rmSync,
  fstatSync,
  writeSync
} from 'node:fs'
import { readdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Transform, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { describeFileError } from '../core/errors/file-errors'
import { redactStream, type Redact } from '../core/redact'

/** Bytes read from the end of a log to find its last lines; enough for 20 long lines. */
const TAIL_BYTES = 64 * 1024

// Not on Windows, where a link is no file the open would follow.
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0

/**
 * Opens a log for writing, once per run: children get the descriptor as their
 * stdout and stderr, so a sample costs no extra open or copy. Never through a link
 * someone else planted: a new log replaces what was there (a link is removed, not
 * followed) and is created exclusively, so a link made in between fails the open; a
 * log appended to must be a file, not a link.
 */
export function openLog(path: string, mode: 'truncate' | 'append' = 'truncate'): number {
  const { O_WRONLY, O_CREAT, O_EXCL, O_APPEND } = constants
  if (mode === 'append') return openSync(path, O_WRONLY | O_CREAT | O_APPEND | NO_FOLLOW, 0o600)
  rmSync(path, { force: true })
  return openSync(path, O_WRONLY | O_CREAT | O_EXCL | NO_FOLLOW, 0o600)
}

/** Marks in the log where a step's output starts, so the tail shows what was running. */
export function writeLogHeader(fd: number, text: string): void {
  writeSync(fd, `\n[pulumi-perf-gate] ${text}\n`)
}

/** The last `count` lines of a log (fewer if it is shorter), without trailing blank lines. */
export function tailLines(path: string, count = 20): string[] {
  const fd = openSync(path, 'r')
  try {
    const size = fstatSync(fd).size
    const length = Math.min(size, TAIL_BYTES)
    const buffer = Buffer.alloc(length)
    readSync(fd, buffer, 0, length, size - length)
    const lines = buffer.toString('utf8').trimEnd().split(/\r?\n/)
    // A cut first line is partial, so drop it unless the whole file fit.
    if (length < size) lines.shift()
    return lines.slice(-count)
  } finally {
    closeSync(fd)
  }
}

/**
 * Rewrites every log in `dir` with the known secrets redacted: logs are uploaded with
 * the results, and a command may print its credentials. Each log is replaced, never
 * edited in place, so a command that still writes to one cannot corrupt it. A log that
 * cannot be rewritten (a full disk) is removed rather than left holding a secret.
 * Returns one warning per log removed.
 */
export async function redactLogs(dir: string, redact: Redact): Promise<string[]> {
  const names = await readdir(dir).catch(() => [])
  const warnings: string[] = []
  for (const name of names.filter(name => name.endsWith('.log'))) {
    const path = join(dir, name)
    try {
      await redactLog(path, redact)
    } catch (error) {
      const why = describeFileError(error)
      const removed = await rm(path, { force: true }).then(
        () => true,
        () => false
      )
      warnings.push(
        removed
          ? `removed the log ${path}: it could not be checked for secrets (${why})`
          : `the log ${path} may hold a secret: it could be neither checked nor removed (${why})`
      )
    }
  }
  return warnings
}

async function redactLog(path: string, redact: Redact): Promise<void> {
  // Read first, write only what holds a secret: a full disk then costs no log without one.
  if (!(await holdsSecret(path, redact))) return
  const temporary = `${path}.redacting`
  try {
    await pipeline(
      createReadStream(path, { encoding: 'utf8' }),
      redacting(redact),
      // Exclusive: a link planted under the temporary name is not written through.
      createWriteStream(temporary, { flags: 'wx', mode: 0o600 })
    )
    await rename(temporary, path)
  } finally {
    await rm(temporary, { force: true }).catch(() => undefined)
  }
}

async function holdsSecret(path: string, redact: Redact): Promise<boolean> {
  let found = false
  const check = Object.assign(
    (text: string) => {
      found ||= redact(text) !== text
      return ''
    },
    { secrets: redact.secrets }
  )
  await pipeline(
    createReadStream(path, { encoding: 'utf8' }),
    redacting(check),
    new Writable({ write: (_chunk, _encoding, done) => done() })
  )
  return found
}

/**
 * The log redacted as it streams through (redactStream): linear in its size, however
 * long its lines (a progress bar redrawn with `\r` is one line of megabytes).
 */
function redacting(redact: Redact): Transform {
  const stream = redactStream(redact)
  return new Transform({
    transform(chunk: string, _encoding, done) {
      done(null, stream.push(chunk))
    },
    flush(done) {
      done(null, stream.end())
    }
  })
}
