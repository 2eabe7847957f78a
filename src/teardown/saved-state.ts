import type { RunningProcess } from '../bench/process/running'
import type { StackRef } from '../pulumi/stack/stacks'
import type { TeardownPlan } from './plan'

/**
 * The one codec of what a main step saves for its post step (docs/cancellation.md):
 * the stacks it created, the rest of its teardown, the commands of ours
 * still running and when it was cancelled. Each piece is written as it changes and
 * read back whole; anything unreadable is an error naming the piece, never a guess:
 * the post step must not tear down what it cannot be sure is ours.
 */
export interface SavedState {
  stacks: string
  plan: string
  processes: string
  cancelledAt: string
}

/** What the post step finishes. */
export interface SavedRun {
  stacks: readonly StackRef[]
  plan: TeardownPlan
  /** Commands of ours that ran when the main step last saved them. */
  processes: RunningProcess[]
  /** Date.now() of the cancel, when the job was cancelled. */
  cancelledAt?: number
}

export function encodeStacks(stacks: readonly StackRef[]): string {
  return JSON.stringify({ version: 1, stacks })
}

export function encodePlan(plan: TeardownPlan): string {
  return JSON.stringify({ version: 1, ...plan })
}

export function encodeProcesses(processes: readonly RunningProcess[]): string {
  return JSON.stringify(processes)
}

/**
 * What the main step left, or undefined when it left nothing (it finished its own
 * teardown, or never created anything). Throws on a piece it cannot read.
 */
export function decodeSavedRun(saved: SavedState): SavedRun | undefined {
  const stacks = saved.stacks === '' ? [] : decodeStacks(saved.stacks)
  if (saved.plan === '' && stacks.length === 0) return undefined
  if (saved.plan === '')
    throw new Error('the main step saved stacks but not the rest of its teardown')
  const cancelledAt = Number(saved.cancelledAt)
  return {
    stacks,
    plan: decodePlan(saved.plan),
    processes: saved.processes === '' ? [] : decodeProcesses(saved.processes),
    ...(saved.cancelledAt !== '' && Number.isFinite(cancelledAt) ? { cancelledAt } : {})
  }
}

export function decodeStacks(text: string): StackRef[] {
  const stacks = (parse(text) as { stacks?: unknown } | undefined)?.stacks
  if (!Array.isArray(stacks) || !stacks.every(isStackRef)) {
    throw new Error(`the saved list of stacks is not readable: ${text.slice(0, 80)}`)
  }
  return stacks
}

function decodePlan(text: string): TeardownPlan {
  const fields = (parse(text) ?? {}) as Record<string, unknown>
  const strings = ['resultsDir', 'logDir', 'workDir'].every(key => typeof fields[key] === 'string')
  if (fields['version'] !== 1 || !strings || typeof fields['destroyTimeoutMs'] !== 'number') {
    throw new Error(`the saved teardown is not readable: ${text.slice(0, 80)}`)
  }
  const { resultsDir, logDir, workDir, ownBackendDir, cleanup, destroyTimeoutMs } = fields
  return { resultsDir, logDir, workDir, ownBackendDir, cleanup, destroyTimeoutMs } as TeardownPlan
}

function decodeProcesses(text: string): RunningProcess[] {
  const processes = parse(text)
  const valid =
    Array.isArray(processes) &&
    processes.every(
      process =>
        typeof process === 'object' &&
        process !== null &&
        typeof (process as RunningProcess).pid === 'number' &&
        typeof (process as RunningProcess).interrupts === 'number'
    )
  if (!valid) {
    throw new Error(`the saved list of running commands is not readable: ${text.slice(0, 80)}`)
  }
  return processes as RunningProcess[]
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function isStackRef(value: unknown): value is StackRef {
  if (typeof value !== 'object' || value === null) return false
  const fields = value as Record<string, unknown>
  return ['binary', 'programDir', 'stack', 'backendUrl'].every(
    key => typeof fields[key] === 'string'
  )
}
