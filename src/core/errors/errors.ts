/**
 * A problem with what the user gave us (inputs, flags, files, versions, network).
 * Reported as one line, no stack trace; the CLI exits with status 2.
 */
export class InputError extends Error {
  override name = 'InputError'
}

/**
 * The benchmark could not finish (a sample failed or timed out). The message
 * carries the exit code and the tail of the log; the CLI exits with status 1.
 */
export class BenchmarkError extends Error {
  override name = 'BenchmarkError'
}

/** The message to show a user for any thrown value: one line unless it is ours. */
export function describeError(error: unknown): string {
  if (error instanceof InputError || error instanceof BenchmarkError) return error.message
  if (error instanceof Error) return error.message.split('\n')[0] ?? String(error)
  return String(error)
}
