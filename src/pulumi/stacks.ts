import { mkdir, mkdtemp } from 'node:fs/promises'
import path from 'node:path'
import type { BenchGroup, Step } from '../bench/types'
import { BenchmarkError } from '../core/errors'
import type { GroupName } from '../bench/types'
import type { ConfigEntry } from './config-input'
import type { StackRef } from './stack-ref'
import { describeFailure, runCaptured } from './run'
import type { RunResult } from './run'

const SETUP_TIMEOUT_MS = 5 * 60_000
const DESTROY_TIMEOUT_MS = 30 * 60_000

/**
 * The environment Pulumi runs with, on top of `base`: the binary's folder first on PATH
 * (so it finds its own language hosts), no update check, the backend, and an empty
 * passphrase for a local backend unless the user set one (or a passphrase file).
 * PULUMI_HOME is left alone, so plugins stay where the user keeps them.
 */
export function pulumiEnv(
  ref: Pick<StackRef, 'binary' | 'backendUrl'>,
  base: NodeJS.ProcessEnv = process.env
): Record<string, string> {
  // Windows spells it `Path`; adding a second key would leave the child with either one.
  const pathKey = Object.keys(base).find(key => key.toUpperCase() === 'PATH') ?? 'PATH'
  const searchPath = [path.dirname(ref.binary), base[pathKey]].filter(Boolean).join(path.delimiter)
  const env: Record<string, string> = {
    [pathKey]: searchPath,
    PULUMI_SKIP_UPDATE_CHECK: 'true',
    PULUMI_BACKEND_URL: ref.backendUrl
  }
  const hasPassphrase =
    base['PULUMI_CONFIG_PASSPHRASE'] !== undefined ||
    base['PULUMI_CONFIG_PASSPHRASE_FILE'] !== undefined
  if (ref.backendUrl.startsWith('file://') && !hasPassphrase) env['PULUMI_CONFIG_PASSPHRASE'] = ''
  return env
}

/** Makes a fresh, empty local backend folder under `parentDir`; returns its `file://` URL. */
export async function makeLocalBackend(parentDir: string): Promise<string> {
  await mkdir(parentDir, { recursive: true })
  const folder = await mkdtemp(path.join(parentDir, 'pulumi-backend-'))
  // `file:///tmp/x` on POSIX, `file://C:/x` on Windows: the forms Pulumi documents.
  return `file://${folder.split(path.sep).join('/')}`
}

function destroyArgs(stack: string): string[] {
  return ['destroy', '--yes', '--skip-preview', '--non-interactive', '--stack', stack]
}

function upArgs(stack: string, parallel?: number): string[] {
  const args = ['up', '--yes', '--skip-preview', '--non-interactive', '--stack', stack]
  return parallel === undefined ? args : [...args, '--parallel', String(parallel)]
}

/** Creates the stack (or selects it if it exists already) and sets its config. */
export async function initStack(ref: StackRef, config: ConfigEntry[]): Promise<void> {
  const init = ['stack', 'init', ref.stack, '--non-interactive']
  const created = await runPulumi(ref, init, SETUP_TIMEOUT_MS)
  if (created.exitCode !== 0) {
    const exists = /already exists/i.test(created.stderr + created.stdout)
    if (!exists) throw setupError(ref, init, created)
    const select = ['stack', 'select', ref.stack, '--non-interactive']
    const selected = await runPulumi(ref, select, SETUP_TIMEOUT_MS)
    if (selected.exitCode !== 0) throw setupError(ref, select, selected)
  }
  for (const { key, value } of config) {
    // `--` so a key starting with a dash is not read as a flag. The value goes on stdin,
    // which `pulumi config set` reads when given no value and stdin is not a terminal
    // (pkg/cmd/pulumi/config/config_set.go): config often holds secrets, and a command
    // line is visible to every user of a self-hosted runner.
    const args = ['config', 'set', '--stack', ref.stack, '--non-interactive', '--', key]
    const result = await runPulumi(ref, args, SETUP_TIMEOUT_MS, value)
    if (result.exitCode !== 0) throw setupError(ref, args, result)
  }
}

/** The benchmark group of one Pulumi version: destroy (untimed), then a timed `pulumi up`. */
export function pulumiBenchGroup(options: {
  name: GroupName
  ref: StackRef
  version: string
  parallel?: number
  /** The user's own prepare steps, run after the built-in destroy. */
  prepare?: Step[]
}): BenchGroup {
  const { ref } = options
  const env = pulumiEnv(ref)
  const step = (args: string[]): Step => ({
    command: { kind: 'argv', file: ref.binary, args },
    env,
    cwd: ref.programDir
  })
  return {
    name: options.name,
    label: `pulumi ${options.version}`,
    timed: step(upArgs(ref.stack, options.parallel)),
    prepare: [step(destroyArgs(ref.stack)), ...(options.prepare ?? [])]
  }
}

/**
 * Destroys the stack's resources, then removes the stack (which also deletes its
 * `Pulumi.<stack>.yaml`). Never `--force`: a stack whose destroy failed keeps its state,
 * so the user can still find and delete what it created. A stack that does not exist
 * counts as removed. Throws an Error with a one-line message.
 */
export async function removeStack(
  ref: StackRef,
  timeoutMs: number = DESTROY_TIMEOUT_MS
): Promise<void> {
  const destroy = destroyArgs(ref.stack)
  const destroyed = await runPulumi(ref, destroy, timeoutMs)
  if (isMissingStack(destroyed)) return
  if (destroyed.exitCode !== 0) {
    throw new Error(`${describe(ref, destroy, destroyed)}; its resources may still exist`)
  }
  const remove = ['stack', 'rm', '--yes', '--non-interactive', '--stack', ref.stack]
  const removed = await runPulumi(ref, remove, SETUP_TIMEOUT_MS)
  if (removed.exitCode !== 0 && !isMissingStack(removed)) {
    throw new Error(describe(ref, remove, removed))
  }
}

function runPulumi(
  ref: StackRef,
  args: string[],
  timeoutMs: number,
  input?: string
): Promise<RunResult> {
  const options = { cwd: ref.programDir, env: pulumiEnv(ref), timeoutMs, input }
  return runCaptured(ref.binary, args, options)
}

function isMissingStack(result: RunResult): boolean {
  return result.exitCode !== 0 && /no stack named .* found/i.test(result.stderr + result.stdout)
}

function describe(ref: StackRef, args: string[], result: RunResult): string {
  // `pulumi`, not the long tool-cache path, keeps the line readable.
  return describeFailure(path.basename(ref.binary), args, result)
}

function setupError(ref: StackRef, args: string[], result: RunResult): BenchmarkError {
  return new BenchmarkError(`could not set up stack ${ref.stack}: ${describe(ref, args, result)}`)
}
