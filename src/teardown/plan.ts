import type { ShellSetting } from '../bench/types'

/**
 * What a run leaves to tear down besides its stacks (which the StackLedger lists), in
 * the order it is done: our own local backend once it holds no stack, the user's
 * `cleanup`, our scratch folder. Plain data, so the action's main step can save it and
 * its post step finish the job.
 */
export interface TeardownPlan {
  /** Beside the results file: where the exported state of a kept stack goes. */
  resultsDir: string
  /** Folder of the run's logs (the cleanup log goes there). */
  logDir: string
  /** Our scratch folder, removed when empty. */
  workDir: string
  /** The default local backend we made: removed once no stack is left in it. */
  ownBackendDir?: string
  /** The user's `cleanup` command, run once after the stacks are gone. */
  cleanup?: { command: string; shell: ShellSetting; timeoutMs: number }
  /** Limit for each destroy. */
  destroyTimeoutMs: number
}
