/**
 * The step's file commands (GITHUB_ENV, GITHUB_PATH, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
 * GITHUB_STATE) kept the action's own. Commands never get their paths, but a process of
 * the same user reads them from our environment (`/proc/<pid>/environ`) and can append
 * to them: a variable for every later step, a verdict, a state that tells the post step
 * what to destroy. What was appended while the commands ran is cut off again before the
 * action writes its own; the state is written again last, so ours is what the post step
 * reads (docs/security.md).
 */
import { statSync, truncateSync } from 'node:fs'
import * as core from '@actions/core'

const GUARDED = [
  'GITHUB_ENV',
  'GITHUB_PATH',
  'GITHUB_OUTPUT',
  'GITHUB_STEP_SUMMARY',
  'GITHUB_STATE'
] as const

export interface FileCommandGuard {
  /** `core.saveState`, remembered so that `restore` writes it again. */
  saveState: (name: string, value: string) => void
  /**
   * Cuts every file back to its size when the step started and writes the saved state
   * again. Once, when no command of ours writes any more. Returns a warning per file a
   * command wrote to (the state, which we write too, is restored silently).
   */
  restore: () => string[]
}

export function guardFileCommands(env: NodeJS.ProcessEnv): FileCommandGuard {
  const sizes = new Map<(typeof GUARDED)[number], number>()
  for (const name of GUARDED) {
    const size = sizeOf(env[name])
    if (size !== undefined) sizes.set(name, size)
  }
  const state = new Map<string, string>()
  let restored = false
  return {
    saveState: (name, value) => {
      state.set(name, value)
      core.saveState(name, value)
    },
    restore: () => {
      if (restored) return []
      restored = true
      const warnings: string[] = []
      for (const [name, size] of sizes) {
        const path = env[name]!
        const now = sizeOf(path)
        if (now === undefined || now === size) continue
        truncateSync(path, size)
        if (name !== 'GITHUB_STATE') {
          warnings.push(
            `a command wrote to ${name} while the benchmark ran; what it wrote was removed, so it changes no later step`
          )
        }
      }
      for (const [name, value] of state) core.saveState(name, value)
      return warnings
    }
  }
}

function sizeOf(path: string | undefined): number | undefined {
  if (path === undefined || path === '') return undefined
  try {
    return statSync(path).size
  } catch {
    return undefined
  }
}
