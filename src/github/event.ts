import { readFileSync } from 'node:fs'
import type { EventContext } from './pull-request'

/**
 * The triggering event, read the way the runner provides it (GITHUB_EVENT_NAME and
 * the payload file at GITHUB_EVENT_PATH). Outside Actions there is no event.
 */
export function readEventContext(env: NodeJS.ProcessEnv): EventContext {
  const path = env.GITHUB_EVENT_PATH
  let payload: unknown = {}
  if (path) {
    try {
      payload = JSON.parse(readFileSync(path, 'utf8'))
    } catch {
      payload = {}
    }
  }
  return { eventName: env.GITHUB_EVENT_NAME ?? '', payload }
}
