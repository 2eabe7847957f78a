/**
 * Folders that fail the way real disks do, for the tests of writing results: a full disk
 * and a read-only one. Both are small tmpfs mounts made in a mount namespace of the
 * command's own (`unshare --mount`), so nothing is mounted for anyone else and nothing
 * outlives the command. That needs root (CAP_SYS_ADMIN) and util-linux's unshare:
 * `canMount` says whether this machine allows it.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

function probe(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false
  const dir = mkdtempSync(join(tmpdir(), 'ppg-mount-probe-'))
  try {
    const { status } = spawnSync(
      'unshare',
      [
        '--mount',
        '--propagation',
        'private',
        'sh',
        '-c',
        'mount -t tmpfs -o size=4k tmpfs "$0"',
        dir
      ],
      { stdio: 'ignore' }
    )
    return status === 0
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export const canMount = probe()

/**
 * The argv prefix that runs a command with a fresh tmpfs of `options` mounted on `dir`
 * (e.g. `size=8k`, `ro`): `[...mounted(dir, 'size=8k'), 'node', 'cli.js', ...]`. When
 * the command has ended, the names left in `dir` are written to `<dir>.left`, one a
 * line, for the test to see what the full disk held. Node, not a shell, sits in
 * between: shells drop variables such as `INPUT_BASELINE-COMMAND` from the environment.
 */
export function mounted(dir: string, options: string): string[] {
  const script = [
    "const { execFileSync, spawnSync } = require('node:child_process')",
    "const { readdirSync, writeFileSync } = require('node:fs')",
    'const [dir, options, file, ...args] = process.argv.slice(1)',
    "execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir])",
    "const { status, signal } = spawnSync(file, args, { stdio: 'inherit' })",
    "writeFileSync(`${dir}.left`, readdirSync(dir).map(name => `${name}\\n`).join(''))",
    'process.exit(status ?? (signal ? 128 : 1))'
  ].join('\n')
  return [
    'unshare',
    '--mount',
    '--propagation',
    'private',
    process.execPath,
    '-e',
    script,
    dir,
    options
  ]
}
