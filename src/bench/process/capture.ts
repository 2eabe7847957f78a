import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** What a process printed, when its output was captured. */
export interface CapturedOutput {
  stdout: string
  stderr: string
}

export interface Capture {
  stdout: number
  stderr: number
  closeOurs(): void
  /** Reads what was written and removes the files. */
  read(): CapturedOutput
}

/**
 * Two files a child writes its stdout and stderr to, read back when it has ended: a
 * pipe would break when we exit first (the action's main step leaves a cancelled
 * `pulumi up` running), and Pulumi would die of it in the middle of its operations.
 */
export function openCapture(): Capture {
  const dir = mkdtempSync(join(tmpdir(), 'pulumi-perf-gate-output-'))
  const paths = { stdout: join(dir, 'stdout'), stderr: join(dir, 'stderr') }
  const fds = { stdout: openSync(paths.stdout, 'w'), stderr: openSync(paths.stderr, 'w') }
  let open = true
  const closeOurs = () => {
    if (!open) return
    open = false
    closeSync(fds.stdout)
    closeSync(fds.stderr)
  }
  return {
    ...fds,
    closeOurs,
    read() {
      closeOurs()
      const text = (path: string) => readFileSync(path, 'utf8')
      const captured = { stdout: text(paths.stdout), stderr: text(paths.stderr) }
      rmSync(dir, { recursive: true, force: true })
      return captured
    }
  }
}
