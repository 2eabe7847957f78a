/**
 * Ends the process once what it printed has been handed over: writes to a pipe are
 * asynchronous on macOS, and process.exit() would drop what is still queued.
 */
export async function exitWhenFlushed(): Promise<never> {
  await Promise.all(
    [process.stdout, process.stderr].map(
      stream => new Promise<void>(resolve => stream.write('', () => resolve()))
    )
  )
  process.exit()
}
