import { mkdir, mkdtemp } from 'node:fs/promises'
import path from 'node:path'
import type { StopPolicy } from '../../bench/types'
import { BenchmarkError } from '../../core/errors/errors'
import type { ConfigEntry } from './config-input'
import { stackExists } from './existing-stack'
import { phaseArgs } from '../phase-args'
import { compareVersions } from '../versions/release-range'
import { saveSelectedStacks } from './selected-stack'
import { describeFailure, runCaptured } from '../run'
import type { RunResult } from '../run'

/** Everything needed to reach a stack again, also from another process (the post step). */
export interface StackRef {
  /** Absolute path of the `pulumi` binary that works on the stack. */
  binary: string
  /** Absolute path of the program folder (holds Pulumi.yaml). */
  programDir: string
  stack: string
  backendUrl: string
}

export const SETUP_TIMEOUT_MS = 5 * 60_000

/**
 * Every phase (`up`, `preview`, `refresh`, `destroy`): a cancellation sends one SIGINT and waits, however long the
 * operations in flight take; only a timeout ends in SIGKILL, a minute after its SIGINT
 * (a killed Pulumi leaves pending operations and, on a file backend, a lock).
 */
export const PULUMI_UPDATE_STOP: StopPolicy = { onCancel: 'interrupt', graceMs: 60_000 }

/**
 * Before 3.87 Pulumi's first SIGINT closes the plugin context (pkg/engine/deployment.go,
 * `WithCancelChannel(ctx.Cancel.Canceled())`; #14057 moved it to the second): it kills
 * the providers' process groups and drops every call in flight, so a resource the cloud
 * has already made is never recorded and no destroy can find it. Such a Pulumi is let
 * finish what it runs when the run is cancelled; only a second Ctrl-C, or a post step
 * out of time, interrupts it.
 */
const CANCEL_KEEPS_PROVIDERS = '3.87.0'
const PULUMI_FINISH_STOP: StopPolicy = { onCancel: 'finish-then-interrupt', graceMs: 60_000 }

/** How a cancellation stops a phase of this version (PULUMI_UPDATE_STOP, or let finish). */
export function pulumiPhaseStop(version: string): StopPolicy {
  return compareVersions(version, CANCEL_KEEPS_PROVIDERS) < 0
    ? PULUMI_FINISH_STOP
    : PULUMI_UPDATE_STOP
}

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

/**
 * A local backend for each group, in one fresh folder under `parentDir`. One each, not
 * one shared: a Pulumi before 3.61 keeps its stacks in the legacy layout, which later
 * versions keep using for a backend that holds them, with a deprecation warning on every
 * command from 3.228 and an error from 3.257 (pkg/backend/diy/backend.go), while a
 * backend a later version made first has the project layout, which an old one cannot read.
 */
export async function makeGroupBackends<Name extends string>(
  parentDir: string,
  groups: readonly Name[]
): Promise<{ folder: string; urls: Record<Name, string> }> {
  await mkdir(parentDir, { recursive: true })
  const folder = await mkdtemp(path.join(parentDir, 'pulumi-backend-'))
  const urls = {} as Record<Name, string>
  for (const group of groups) {
    await mkdir(path.join(folder, group))
    urls[group] = fileUrl(path.join(folder, group))
  }
  return { folder, urls }
}

/**
 * `file:///tmp/x` on POSIX, `file://C:/x` on Windows: the forms Pulumi documents.
 * Pulumi reads the URL's path decoded, so a `%` of the folder (in RUNNER_TEMP, say) is
 * written `%25`, a space `%20`: `%41` must stay those three characters.
 */
function fileUrl(folder: string): string {
  const url = folder.split(path.sep).join('/').split('/').map(encodeURIComponent).join('/')
  return `file://${url.replace(/^([A-Za-z])%3A/, '$1:')}`
}

/** The teardown's destroy: the destroy phase's command without `--parallel`. */
export function destroyArgs(stack: string): string[] {
  return phaseArgs('destroy', stack)
}

/**
 * Creates the stack and sets its config, leaving the stack the user selected for the
 * program selected. `onCreated` is called as soon as `stack init`
 * succeeded: from then on the stack is ours to destroy. A stack that exists already is
 * someone else's: an InputError naming `input` (stack-prefix), never a select.
 */
export async function initStack(
  ref: StackRef,
  config: ConfigEntry[],
  options: { input: string; onCreated: () => void }
): Promise<void> {
  const init = ['stack', 'init', ref.stack, '--non-interactive']
  const created = await runKeepingSelection(ref, init)
  if (created.exitCode !== 0) {
    const exists = /already exists/i.test(created.stderr + created.stdout)
    if (exists) throw stackExists(options.input, ref.stack, ref.backendUrl)
    throw setupError(ref, init, created)
  }
  options.onCreated()
  for (const { key, value } of config) {
    // `--` so a key starting with a dash is not read as a flag. The value goes on stdin,
    // which `pulumi config set` reads when given no value and stdin is not a terminal
    // (pkg/cmd/pulumi/config/config_set.go): config often holds secrets, and a command
    // line is visible to every user of a self-hosted runner. `--plaintext`: the input is
    // plain text; without it a value named like a password is refused, the error quoting it.
    const args = [
      'config',
      'set',
      '--plaintext',
      '--stack',
      ref.stack,
      '--non-interactive',
      '--',
      key
    ]
    const result = await runPulumi(ref, args, SETUP_TIMEOUT_MS, { input: value })
    if (result.exitCode !== 0) throw setupError(ref, args, result)
  }
}

/**
 * Runs a stack command that changes which stack is selected for the program's folder,
 * then puts the user's selection back: before 3.256 `stack init` selects the new stack,
 * and `stack rm` unselects whatever was selected (pkg/cmd/pulumi/stack_rm.go, 3.43.1).
 */
export async function runKeepingSelection(ref: StackRef, args: string[]): Promise<RunResult> {
  const selected = await saveSelectedStacks(ref.programDir)
  try {
    return await runPulumi(ref, args, SETUP_TIMEOUT_MS)
  } finally {
    await selected.restore()
  }
}

/**
 * Runs one Pulumi command on the stack's program, backend and binary; its output
 * captured. `input` goes to its stdin; `stop` says how a cancellation stops it.
 */
export function runPulumi(
  ref: StackRef,
  args: string[],
  timeoutMs: number,
  extra: { input?: string; stop?: StopPolicy } = {}
): Promise<RunResult> {
  return runCaptured(ref.binary, args, {
    cwd: ref.programDir,
    env: pulumiEnv(ref),
    timeoutMs,
    tag: ref.stack,
    ...extra
  })
}

/** One line for a failed Pulumi command: `pulumi destroy … failed with exit code 255: error: …`. */
export function describePulumiFailure(ref: StackRef, args: string[], result: RunResult): string {
  // `pulumi`, not the long tool-cache path, keeps the line readable.
  return describeFailure(path.basename(ref.binary), args, result)
}

function setupError(ref: StackRef, args: string[], result: RunResult): BenchmarkError {
  return new BenchmarkError(
    `could not set up stack ${ref.stack}: ${describePulumiFailure(ref, args, result)}`
  )
}
