import type { StackRef } from './stack-ref'

/**
 * Every stack the run created and has not yet removed or handed over: recorded as soon
 * as its own `stack init` succeeded (never one that existed before), so that all of them
 * are torn down at the end: by the main step, or by the post step from the serialized
 * list. `onChange` gets the serialized list after every change (the action passes it to
 * `core.saveState`). It holds paths, names and the backend URL, never secrets: the
 * environment is rebuilt from the step's own when cleaning up.
 */
export class StackLedger {
  readonly #stacks: StackRef[] = []
  readonly #onChange: ((serialized: string) => void) | undefined

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

  /** The stack is gone, or kept and reported: nobody has to tear it down any more. */
  forget(ref: StackRef): void {
    const index = this.#stacks.findIndex(known => sameStack(known, ref))
    if (index < 0) return
    this.#stacks.splice(index, 1)
    this.#onChange?.(this.serialize())
  }

  serialize(): string {
    return JSON.stringify({ version: 1, stacks: this.#stacks })
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
