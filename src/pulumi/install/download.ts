import { createWriteStream } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { pipeline } from 'node:stream/promises'
import { HttpClient } from '@actions/http-client'
import { describeNetworkError } from '../../core/errors/network-error'

/** How downloads try again, and when a try is given up (docs/security.md). */
export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts?: number
  /** Wait before the second try; doubled before each later one. */
  delayMs?: number
  /** A try that receives nothing for this long (before or during the body) is abandoned. */
  idleTimeoutMs?: number
  /** A try that has not finished after this long is abandoned, however steady its data. */
  deadlineMs?: number
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

/** A try was given up: it went quiet, or ran past its deadline. */
class TryAbandoned extends Error {}

const USER_AGENT = 'pulumi-perf-gate'
// A release archive is about 150 MB: ten minutes allow 250 KB/s.
const DEFAULTS = { attempts: 3, delayMs: 2000, idleTimeoutMs: 30_000, deadlineMs: 10 * 60_000 }
// Checksum files and version strings are a few kilobytes; more is not one of them.
const MAX_TEXT_BYTES = 1024 * 1024

/** Fetches a small text file (checksums, latest version). */
export async function fetchText(url: string, retry: RetryOptions = {}): Promise<string> {
  return withRetries(url, retry, async body => {
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of body as AsyncIterable<Buffer>) {
      size += chunk.length
      if (size > MAX_TEXT_BYTES) throw new Error(`it sent more than ${MAX_TEXT_BYTES} bytes`)
      chunks.push(chunk)
    }
    return Buffer.concat(chunks).toString('utf8')
  })
}

/** Streams a file to `dest`; a body cut short counts as a failed try. */
export async function downloadFile(
  url: string,
  dest: string,
  retry: RetryOptions = {}
): Promise<void> {
  await withRetries(url, retry, body => pipeline(body, createWriteStream(dest)))
}

/** Whether another try could help: network errors, server errors, 408 and 429. */
function isRetryable(error: unknown): boolean {
  if (!(error instanceof HttpStatusError)) return true
  return error.status >= 500 || error.status === 408 || error.status === 429
}

async function withRetries<T>(
  url: string,
  retry: RetryOptions,
  consume: (body: IncomingMessage) => Promise<T>
): Promise<T> {
  const options = { ...DEFAULTS, ...retry }
  for (let attempt = 1; ; attempt++) {
    try {
      return await tryOnce(url, options, consume)
    } catch (error) {
      if (!isRetryable(error)) throw error
      if (attempt >= options.attempts) {
        throw new DownloadFailedError(
          `${url} failed after ${options.attempts} attempts: ${reason(error)}`
        )
      }
      await new Promise(resolve => setTimeout(resolve, options.delayMs * 2 ** (attempt - 1)))
    }
  }
}

/**
 * One GET with its own client, so giving up can close its connection whatever phase it
 * is in. @actions/http-client's socket timeout does not: once the headers are in, it
 * only ends our side of the socket, and a body that stalls after them waits for ever.
 */
async function tryOnce<T>(
  url: string,
  limits: typeof DEFAULTS,
  consume: (body: IncomingMessage) => Promise<T>
): Promise<T> {
  // @actions/http-client honours https_proxy/no_proxy; its own retries are off so ours
  // count, and its socket timeout is only a backstop behind our own idle timer.
  const client = new HttpClient(USER_AGENT, [], {
    allowRetries: false,
    socketTimeout: 2 * limits.idleTimeoutMs
  })
  let abandoned: TryAbandoned | undefined
  let body: IncomingMessage | undefined
  const abandon = (why: string) => {
    abandoned ??= new TryAbandoned(why)
    body?.destroy(abandoned)
    client.dispose()
  }
  let idle: NodeJS.Timeout | undefined
  const stillAlive = () => {
    clearTimeout(idle)
    idle = setTimeout(
      () => abandon(`it sent no data for ${seconds(limits.idleTimeoutMs)}`),
      limits.idleTimeoutMs
    )
  }
  const deadline = setTimeout(
    () => abandon(`it took longer than ${seconds(limits.deadlineMs)}`),
    limits.deadlineMs
  )
  try {
    stillAlive()
    const response = await client.get(url)
    body = response.message
    const status = body.statusCode ?? 0
    if (status !== 200) {
      body.resume()
      throw new HttpStatusError(url, status)
    }
    if (abandoned) throw abandoned
    stillAlive()
    body.on('data', stillAlive)
    return await consume(body)
  } catch (error) {
    throw abandoned ?? error
  } finally {
    clearTimeout(idle)
    clearTimeout(deadline)
    client.dispose()
  }
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toPrecision(3))} s`
}

function reason(error: unknown): string {
  if (error instanceof HttpStatusError) return `returned ${error.status}`
  if (error instanceof TryAbandoned) return error.message
  const network = describeNetworkError(error)
  if (network) return network
  const { message } = error as Error
  // @actions/http-client's socket timeout while waiting for the headers.
  if (/^Request timeout/.test(String(message))) return 'it sent no data in time'
  return String(message ?? error).split('\n')[0] || 'connection failed'
}
