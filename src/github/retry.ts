/**
 * Retrying GitHub API calls on server errors and rate limits, with backoff.
 * `retryDelay` is the pure decision; `withRetries` applies it.
 */
import { setTimeout as sleep } from 'node:timers/promises'

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number
  /** First backoff delay; it doubles on each retry. */
  baseDelayMs: number
  /** Longest single wait. A rate limit asking for longer is not waited for. */
  maxDelayMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000
}

/** What the decision reads from a failed call (octokit's RequestError has these). */
interface FailedCall {
  status?: unknown
  message?: unknown
  response?: { headers?: Record<string, string | number | undefined> }
}

/** GitHub's answer says "slow down": 429, or 403 with rate-limit headers or message. */
export function isRateLimited(error: unknown): boolean {
  const { status, headers, message } = describeFailure(error)
  if (status === 429) return true
  if (status !== 403) return false
  return (
    headers['retry-after'] !== undefined ||
    String(headers['x-ratelimit-remaining']) === '0' ||
    /rate limit/i.test(message)
  )
}

/**
 * How long to wait before retry number `attempt` (0-based), or undefined to give
 * up: the error is not worth retrying, the retries are used up, or GitHub asks
 * for a longer wait than `maxDelayMs`. Honours `retry-after` and, for an
 * exhausted quota, `x-ratelimit-reset`.
 */
export function retryDelay(
  error: unknown,
  attempt: number,
  policy: RetryPolicy,
  nowMs: number = Date.now()
): number | undefined {
  if (attempt >= policy.retries) return undefined
  const { status, headers } = describeFailure(error)
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt)
  if (isRateLimited(error)) {
    const asked = requestedWaitMs(headers, nowMs)
    if (asked === undefined) return backoff
    return asked <= policy.maxDelayMs ? asked : undefined
  }
  // 5xx, including octokit's 500 for a network failure.
  return typeof status === 'number' && status >= 500 ? backoff : undefined
}

function requestedWaitMs(
  headers: Record<string, string | number | undefined>,
  nowMs: number
): number | undefined {
  const retryAfter = Number(headers['retry-after'])
  if (headers['retry-after'] !== undefined && Number.isFinite(retryAfter)) {
    return Math.max(0, retryAfter * 1000)
  }
  const reset = Number(headers['x-ratelimit-reset'])
  if (String(headers['x-ratelimit-remaining']) === '0' && Number.isFinite(reset)) {
    return Math.max(0, reset * 1000 - nowMs)
  }
  return undefined
}

function describeFailure(error: unknown): {
  status: unknown
  headers: Record<string, string | number | undefined>
  message: string
} {
  const failed = (typeof error === 'object' && error !== null ? error : {}) as FailedCall
  return {
    status: failed.status,
    headers: failed.response?.headers ?? {},
    message: typeof failed.message === 'string' ? failed.message : ''
  }
}

/** Runs `operation`, retrying as `retryDelay` decides; rethrows the last error. */
export async function withRetries<T>(operation: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation()
    } catch (error) {
      const delay = retryDelay(error, attempt, policy)
      if (delay === undefined) throw error
      await sleep(delay)
    }
  }
}
