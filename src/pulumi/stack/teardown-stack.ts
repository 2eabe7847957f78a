import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { RunResult } from '../run'
import { describeHoldings, holdsNothing, readHoldings } from './stack-state'
import { describeFileError } from '../../core/errors/file-errors'
import {
  PULUMI_UPDATE_STOP,
  SETUP_TIMEOUT_MS,
  describePulumiFailure,
  destroyArgs,
  runKeepingSelection,
  runPulumi,
  type StackRef
} from './stacks'

export interface StackTeardownOptions {
  /** Folder the exported state of a kept stack goes to: the results folder. */
  stateDir: string
  /** Limit for the destroy. */
  timeoutMs: number
  /** Once it fires no further command starts; the stack is left as it is for now. */
  stop?: AbortSignal
}

/** What became of a stack. */
export type StackFate =
  | { kind: 'removed' }
  /**
   * Kept: `problem` names it, says what remains and where its exported state is;
   * `details` lists every resource and pending operation (URN and id).
   */
  | { kind: 'kept'; problem: string; details: string[] }
  /** `stop` fired first: nothing more was done to it. */
  | { kind: 'stopped' }

/**
 * Destroys a stack of ours and removes it only when it provably owns nothing: the
 * destroy succeeded and `pulumi stack export` shows no resource and no pending
 * operation (real Pulumi keeps pending creates in the state and `destroy` does not
 * delete them, so removing such a stack would leak what they created). Otherwise the
 * stack is kept and its exported state written beside the results (keepStack). A lock
 * left by a Pulumi of ours that was killed is cleared with `pulumi cancel`: the caller
 * has made sure no command of ours still runs on the stack. Never `--force`.
 */
export async function tearDownStack(
  ref: StackRef,
  options: StackTeardownOptions
): Promise<StackFate> {
  if (options.stop?.aborted) return { kind: 'stopped' }
  const destroy = destroyArgs(ref.stack)
  const runDestroy = () => runPulumi(ref, destroy, options.timeoutMs, { stop: PULUMI_UPDATE_STOP })
  let destroyed = await runDestroy()
  // A first Ctrl-C that came during the destroy stopped it gracefully; the teardown is
  // what that Ctrl-C asked for, so it goes on unless a second one stops it.
  if (destroyed.interrupted && !options.stop?.aborted) destroyed = await runDestroy()
  if (isMissingStack(destroyed)) return { kind: 'removed' }
  if (isLocked(destroyed) && !options.stop?.aborted) {
    const cancel = ['cancel', '--yes', '--non-interactive', '--stack', ref.stack]
    const cancelled = await runPulumi(ref, cancel, SETUP_TIMEOUT_MS)
    if (cancelled.exitCode === 0 && !options.stop?.aborted) destroyed = await runDestroy()
  }
  if (options.stop?.aborted) return { kind: 'stopped' }
  const failure =
    destroyed.exitCode === 0 ? undefined : describePulumiFailure(ref, destroy, destroyed)
  const exported = await exportStack(ref)
  if (failure === undefined && exported.holdings && holdsNothing(exported.holdings)) {
    const remove = ['stack', 'rm', '--yes', '--non-interactive', '--stack', ref.stack]
    const removed = await runKeepingSelection(ref, remove)
    if (removed.exitCode === 0 || isMissingStack(removed)) return { kind: 'removed' }
    return keep(ref, describePulumiFailure(ref, remove, removed), exported, options.stateDir)
  }
  return keep(ref, failure, exported, options.stateDir)
}

/**
 * Keeps a stack without destroying it (e.g. the command line was interrupted twice):
 * exports its state beside the results and says what it holds.
 */
export async function keepStack(
  ref: StackRef,
  reason: string,
  stateDir: string
): Promise<{ kind: 'kept'; problem: string; details: string[] }> {
  return keep(ref, reason, await exportStack(ref), stateDir)
}

interface Exported {
  text?: string
  holdings?: ReturnType<typeof readHoldings>
  error?: string
}

async function exportStack(ref: StackRef): Promise<Exported> {
  const args = ['stack', 'export', '--stack', ref.stack]
  const result = await runPulumi(ref, args, SETUP_TIMEOUT_MS)
  if (result.exitCode !== 0) return { error: describePulumiFailure(ref, args, result) }
  try {
    return { text: result.stdout, holdings: readHoldings(result.stdout) }
  } catch (error) {
    return { error: (error as Error).message }
  }
}

async function keep(
  ref: StackRef,
  reason: string | undefined,
  exported: Exported,
  stateDir: string
): Promise<{ kind: 'kept'; problem: string; details: string[] }> {
  const parts = [`stack ${ref.stack} (${ref.backendUrl}) was kept`]
  if (reason !== undefined) parts.push(reason)
  if (exported.holdings) {
    const empty = holdsNothing(exported.holdings)
    parts.push(empty ? 'it holds nothing' : describeHoldings(exported.holdings))
  }
  if (exported.text !== undefined) {
    const file = path.join(stateDir, `${ref.stack}.state.json`)
    try {
      await mkdir(stateDir, { recursive: true })
      await writeFile(file, exported.text)
      parts.push(`its state: ${file}`)
    } catch (error) {
      parts.push(`its state could not be written to ${file}: ${describeFileError(error)}`)
    }
  } else {
    parts.push(`its state could not be exported: ${exported.error ?? 'unknown error'}`)
  }
  return { kind: 'kept', problem: parts.join('; '), details: exported.holdings?.details ?? [] }
}

function isMissingStack(result: RunResult): boolean {
  return result.exitCode !== 0 && /no stack named .* found/i.test(result.stderr + result.stdout)
}

/**
 * A stack locked by another update: on a file backend the lock file a killed CLI left
 * (pkg/backend/diy/lock.go), on Pulumi Cloud its update still marked as running.
 */
function isLocked(result: RunResult): boolean {
  const output = result.stderr + result.stdout
  return (
    result.exitCode !== 0 &&
    /currently locked|another update is currently in progress/i.test(output)
  )
}
