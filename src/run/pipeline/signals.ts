import { interruptRunningProcesses } from '../../bench/process/running'

// SIGHUP: the terminal was closed or the ssh session dropped; as final as a Ctrl-C.
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/** What the signals received so far say. */
export interface Interrupts {
  /** Fires on the first SIGINT, SIGTERM or SIGHUP: stop measuring. */
  first: AbortSignal
  /** Fires on the second: stop tearing down. */
  second: AbortSignal
}

export interface InterruptOptions {
  /**
   * Which signals are forwarded to the running commands as one SIGINT each: `every`
   * one (the command line: a second Ctrl-C stops Pulumi at once, as its own second
   * Ctrl-C does), or only the `first` (the action: the runner's SIGTERM 7.5 s after
   * its SIGINT must not make Pulumi abandon the operations in flight).
   */
  forward: 'every' | 'first'
  /** Told of each signal, with how many have come (1 for the first). */
  onSignal?: (signal: NodeJS.Signals, count: number) => void
}

/**
 * Runs `task` while SIGINT, SIGTERM and SIGHUP (a cancelled job, Ctrl-C, a closed terminal) are caught instead of
 * ending the process, so it can forward them to the running commands, write the
 * results so far and tear down. The handlers go when the task is done.
 */
export async function withInterrupts<T>(
  task: (interrupts: Interrupts) => Promise<T>,
  options: InterruptOptions
): Promise<T> {
  const first = new AbortController()
  const second = new AbortController()
  let count = 0
  const handler = (signal: NodeJS.Signals): void => {
    count++
    options.onSignal?.(signal, count)
    if (count === 1 || options.forward === 'every') interruptRunningProcesses(count === 1)
    if (count === 1) first.abort(new Error(`received ${signal}`))
    if (count === 2) second.abort(new Error(`received ${signal} again`))
  }
  for (const signal of SIGNALS) process.on(signal, handler)
  try {
    return await task({ first: first.signal, second: second.signal })
  } finally {
    for (const signal of SIGNALS) process.off(signal, handler)
  }
}
