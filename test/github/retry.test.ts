import { describe, expect, it } from 'vitest'
import { isRateLimited, retryDelay, withRetries, type RetryPolicy } from '../../src/github/retry'

const policy: RetryPolicy = { retries: 3, baseDelayMs: 100, maxDelayMs: 1_000 }

/** A failure shaped like octokit's RequestError. */
function failure(status: number, headers: Record<string, string> = {}, message = 'failed') {
  return Object.assign(new Error(message), { status, response: { headers } })
}

describe('retryDelay', () => {
  it('backs off exponentially on server errors, up to the cap', () => {
    expect([0, 1, 2].map(attempt => retryDelay(failure(502), attempt, policy))).toEqual([
      100, 200, 400
    ])
    expect(retryDelay(failure(500), 2, { ...policy, maxDelayMs: 250 })).toBe(250)
  })

  it('gives up once the retries are used', () => {
    expect(retryDelay(failure(503), 3, policy)).toBeUndefined()
  })

  it('does not retry client errors', () => {
    for (const status of [400, 401, 403, 404, 422]) {
      expect(retryDelay(failure(status), 0, policy)).toBeUndefined()
    }
    expect(retryDelay(new Error('boom'), 0, policy)).toBeUndefined()
  })

  it('waits as long as retry-after asks', () => {
    expect(retryDelay(failure(429, { 'retry-after': '0.5' }), 0, policy)).toBe(500)
    expect(retryDelay(failure(403, { 'retry-after': '1' }), 0, policy)).toBe(1_000)
  })

  it('waits for the quota reset when the rate limit is used up', () => {
    const now = 1_700_000_000_000
    const headers = { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 0.8) }
    expect(retryDelay(failure(403, headers), 0, policy, now)).toBeCloseTo(800, 5)
  })

  it('gives up when GitHub asks for a longer wait than allowed', () => {
    expect(retryDelay(failure(429, { 'retry-after': '3600' }), 0, policy)).toBeUndefined()
  })

  it('backs off on a secondary rate limit without headers', () => {
    const secondary = failure(403, {}, 'You have exceeded a secondary rate limit')
    expect(isRateLimited(secondary)).toBe(true)
    expect(retryDelay(secondary, 1, policy)).toBe(200)
  })
})

describe('withRetries', () => {
  it('returns the first success after failures', async () => {
    let calls = 0
    const result = await withRetries(
      () => {
        calls++
        return calls < 3 ? Promise.reject(failure(500)) : Promise.resolve('ok')
      },
      { retries: 3, baseDelayMs: 1, maxDelayMs: 5 }
    )
    expect(result).toBe('ok')
    expect(calls).toBe(3)
  })

  it('rethrows the last error when retrying does not help', async () => {
    let calls = 0
    const attempt = withRetries(() => {
      calls++
      return Promise.reject(failure(404))
    }, policy)
    await expect(attempt).rejects.toMatchObject({ status: 404 })
    expect(calls).toBe(1)
  })
})
