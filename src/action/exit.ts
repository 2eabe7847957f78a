/**
 * Ends the process once what it printed has been handed over: writes to a pipe are
 * asynchronous on macOS, and process.exit() would drop what is still queued. A pipe
 * the runner has closed is no reason to stay.
 */
export async function exitWhenFlushed(): Promise<never> {
  await Promise.all(
    [process.stdout, process.stderr].map(
      stream =>
        new Promise<void>(resolve => {
          stream.once('error', () => resolve())
          stream.write('', () => resolve())
        })
    )
  )
  process.exit()
}
