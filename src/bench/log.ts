import { closeSync, openSync, readSync, fstatSync, writeSync } from 'node:fs'

/** Bytes read from the end of a log to find its last lines; enough for 20 long lines. */
const TAIL_BYTES = 64 * 1024

/**
 * Opens a log for writing, once per run: children get the descriptor as their
 * stdout and stderr, so a sample costs no extra open or copy.
 */
export function openLog(path: string, mode: 'truncate' | 'append' = 'truncate'): number {
  return openSync(path, mode === 'truncate' ? 'w' : 'a')
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
