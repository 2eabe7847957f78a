/**
 * Teardown tasks registered while a run sets itself up, run once in reverse order
 * at the end: after success, failure or a signal. A task that fails does not stop
 * the others; each returns or throws one-line warnings.
 */
export class CleanupStack {
  readonly #tasks: (() => Promise<string[]>)[] = []
  #running: Promise<string[]> | undefined

  push(task: () => Promise<string[]>): void {
    this.#tasks.push(task)
  }

  runAll(): Promise<string[]> {
    this.#running ??= (async () => {
      const warnings: string[] = []
      for (let task = this.#tasks.pop(); task; task = this.#tasks.pop()) {
        try {
          warnings.push(...(await task()))
        } catch (error) {
          warnings.push(error instanceof Error ? error.message : String(error))
        }
      }
      return warnings
    })()
    return this.#running
  }
}
