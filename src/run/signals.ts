const SIGNALS = ['SIGINT', 'SIGTERM'] as const

/**
 * Runs `task` with an AbortSignal that fires on SIGINT or SIGTERM (a cancelled job,
 * Ctrl-C). While the handlers are installed the process does not die on those
 * signals, so teardown (destroying stacks, the user's cleanup) gets to run; if it is
 * killed anyway, the action's post step destroys what is left.
 */
export async function withSignalAbort<T>(
  task: (signal: AbortSignal) => Promise<T>,
  onSignal: (signal: NodeJS.Signals) => void = () => {}
): Promise<T> {
  const controller = new AbortController()
  const handler = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) return
    onSignal(signal)
    controller.abort(new Error(`received ${signal}`))
  }
  for (const signal of SIGNALS) process.on(signal, handler)
  try {
    return await task(controller.signal)
  } finally {
    for (const signal of SIGNALS) process.off(signal, handler)
  }
}
