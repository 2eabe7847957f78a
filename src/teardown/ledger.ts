import type { StackRef } from '../pulumi/stack/stacks'
import { decodeStacks, encodeStacks } from './saved-state'

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

  /** A ledger of stacks read back (decodeSavedRun), or of `serialize()`'s output. */
  static restore(
    saved: string | readonly StackRef[],
    onChange?: (serialized: string) => void
  ): StackLedger {
    const ledger = new StackLedger(onChange)
    ledger.#stacks.push(...(typeof saved === 'string' ? decodeStacks(saved) : saved))
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
    return encodeStacks(this.#stacks)
  }
}

function sameStack(a: StackRef, b: StackRef): boolean {
  return a.stack === b.stack && a.backendUrl === b.backendUrl && a.programDir === b.programDir
}
