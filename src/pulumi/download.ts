import { createWriteStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { HttpClient } from '@actions/http-client'
import type { HttpClientResponse } from '@actions/http-client'

export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts?: number
  /** Wait before the second try; doubled before each later one. */
  delayMs?: number
}

/** The server answered with a status that retrying will not change (e.g. 404). */
export class HttpStatusError extends Error {
  constructor(
    readonly url: string,
    readonly status: number
  ) {
    super(`${url} returned ${status}`)
    this.name = 'HttpStatusError'
  }
}

/** Every try failed on the network or with a server error. */
export class DownloadFailedError extends Error {
  override name = 'DownloadFailedError'
}

const USER_AGENT = 'pulumi-perf-gate'
// A stalled connection is abandoned after this long without data, then retried.
const SOCKET_TIMEOUT_MS = 60_000

/** Fetches a small text file (checksums, latest version). */
export async function fetchText(url: string, retry: RetryOptions = {}): Promise<string> {
  return withRetries(url, retry, async client => {
    const response = await get(client, url)
    return response.readBody()
  })
}

/** Streams a file to `dest`; a body cut short counts as a failed try. */
export async function downloadFile(
  url: string,
  dest: string,
  retry: RetryOptions = {}
): Promise<void> {
  await withRetries(url, retry, async client => {
    const response = await get(client, url)
    await pipeline(response.message, createWriteStream(dest))
  })
}

async function get(client: HttpClient, url: string): Promise<HttpClientResponse> {
  const response = await client.get(url)
  const status = response.message.statusCode ?? 0
  if (status === 200) return response
  response.message.resume()
  throw new HttpStatusError(url, status)
}

/** Whether another try could help: network errors, server errors, 408 and 429. */
function isRetryable(error: unknown): boolean {
  if (!(error instanceof HttpStatusError)) return true
  return error.status >= 500 || error.status === 408 || error.status === 429
}

async function withRetries<T>(
  url: string,
  { attempts = 3, delayMs = 2000 }: RetryOptions,
  action: (client: HttpClient) => Promise<T>
): Promise<T> {
  // @actions/http-client honours https_proxy/no_proxy; its own retries are off so ours count.
  const client = new HttpClient(USER_AGENT, [], {
    allowRetries: false,
    socketTimeout: SOCKET_TIMEOUT_MS
  })
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        return await action(client)
      } catch (error) {
        if (!isRetryable(error)) throw error
        if (attempt >= attempts) {
          throw new DownloadFailedError(
            `${url} failed after ${attempts} attempts: ${reason(error)}`
          )
        }
        await new Promise(resolve => setTimeout(resolve, delayMs * 2 ** (attempt - 1)))
      }
    }
  } finally {
    client.dispose()
  }
}

function reason(error: unknown): string {
  if (error instanceof HttpStatusError) return `returned ${error.status}`
  // Node reports some connection failures (AggregateError) with an empty message but a code.
  const { message, code } = error as NodeJS.ErrnoException
  return String(message ?? error).split('\n')[0] || code || 'connection failed'
}
