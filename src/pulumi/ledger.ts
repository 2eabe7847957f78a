import type { StackRef } from './stack-ref'
import { removeStack } from './stacks'

/**
 * Every stack the run creates, recorded before it is created, so that all of them are
 * destroyed at the end: by the main step, or by the post step from the serialized list
 * when the main step was killed. `onChange` gets the serialized list after every change
 * (the action passes it to `core.saveState`). It holds paths, names and the backend URL,
 * never secrets: the environment is rebuilt from the step's own when cleaning up.
 */
export class StackLedger {
  readonly #stacks: StackRef[] = []
  readonly #onChange: ((serialized: string) => void) | undefined
  #cleanup: Promise<string[]> | undefined

  constructor(onChange?: (serialized: string) => void) {
    this.#onChange = onChange
  }

  /** A ledger from `serialize()`'s output; throws on anything else. */
  static restore(serialized: string, onChange?: (serialized: string) => void): StackLedger {
    const ledger = new StackLedger(onChange)
    ledger.#stacks.push(...parseStacks(serialized))
    return ledger
  }

  get stacks(): readonly StackRef[] {
    return this.#stacks
  }

  record(ref: StackRef): void {
    if (this.#stacks.some(known => sameStack(known, ref))) return
    this.#stacks.push({ ...ref })
    this.#onChange?.(this.serialize())
  }

  serialize(): string {
    return JSON.stringify({ version: 1, stacks: this.#stacks })
  }

  /**
   * Destroys and removes every recorded stack, newest first, continuing past failures.
   * Returns one line per stack that could not be removed. Each stack leaves the ledger
   * once tried, so a later call does nothing; a call while one runs waits for it.
   */
  destroyAll(options: { timeoutMs?: number } = {}): Promise<string[]> {
    this.#cleanup ??= this.#removeAll(options.timeoutMs).finally(() => {
      this.#cleanup = undefined
    })
    return this.#cleanup
  }

  async #removeAll(timeoutMs: number | undefined): Promise<string[]> {
    const warnings: string[] = []
    for (let ref = this.#stacks.at(-1); ref; ref = this.#stacks.at(-1)) {
      try {
        await removeStack(ref, timeoutMs)
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        warnings.push(`could not remove stack ${ref.stack} (${ref.backendUrl}): ${reason}`)
      }
      this.#stacks.splice(this.#stacks.indexOf(ref), 1)
      this.#onChange?.(this.serialize())
    }
    return warnings
  }
}

function sameStack(a: StackRef, b: StackRef): boolean {
  return a.stack === b.stack && a.backendUrl === b.backendUrl && a.programDir === b.programDir
}

function parseStacks(serialized: string): StackRef[] {
  let data: unknown
  try {
    data = JSON.parse(serialized)
  } catch {
    data = undefined
  }
  const stacks = (data as { stacks?: unknown } | undefined)?.stacks
  if (!Array.isArray(stacks) || !stacks.every(isStackRef)) {
    throw new Error(`the saved list of stacks is not readable: ${serialized.slice(0, 80)}`)
  }
  return stacks
}

function isStackRef(value: unknown): value is StackRef {
  if (typeof value !== 'object' || value === null) return false
  const fields = value as Record<string, unknown>
  return ['binary', 'programDir', 'stack', 'backendUrl'].every(
    key => typeof fields[key] === 'string'
  )
}
