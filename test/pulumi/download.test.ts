/**
 * Downloads against loopback servers that misbehave the way real networks do: a body
 * that stalls after a few bytes, a server that trickles forever, one that never answers,
 * one that refuses the connection. Each ends in one clear line after the retries, never
 * in a hang.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DownloadFailedError, downloadFile, fetchText } from '../../src/pulumi/install/download'

type Behaviour = 'stall-body' | 'trickle' | 'no-answer'

let dir: string
let server: Server
let url: string
let requests: number
const sockets = new Set<Socket>()
const timers = new Set<NodeJS.Timeout>()

async function serve(behaviour: Behaviour): Promise<void> {
  server = createServer((_request, response) => {
    requests++
    if (behaviour === 'no-answer') return
    response.writeHead(200, { 'Content-Length': '100000' })
    if (behaviour === 'stall-body') {
      response.write(Buffer.alloc(100, 1)) // then silence, the connection kept open
      return
    }
    const timer = setInterval(() => response.write('x'), 50)
    timers.add(timer)
  })
  server.on('connection', socket => sockets.add(socket))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pulumi-v3.43.1-linux-x64.tar.gz`
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ppg-download-'))
  requests = 0
})
afterEach(async () => {
  for (const timer of timers) clearInterval(timer)
  for (const socket of sockets) socket.destroy()
  await new Promise(resolve => (server ? server.close(resolve) : resolve(undefined)))
  await rm(dir, { recursive: true, force: true })
})

const quick = { attempts: 2, delayMs: 10, idleTimeoutMs: 300, deadlineMs: 5_000 }

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason
  )
  expect(error).toBeInstanceOf(DownloadFailedError)
  const { message } = error as Error
  expect(message).not.toContain('\n')
  return message
}

describe('downloads that stall', () => {
  it('abandons a body that stops sending, retries, then says so', async () => {
    await serve('stall-body')
    const message = await failure(downloadFile(url, path.join(dir, 'archive'), quick))
    expect(message).toBe(`${url} failed after 2 attempts: it sent no data for 0.3 s`)
    expect(requests).toBe(2)
  }, 20_000)

  it('abandons a server that never answers the request', async () => {
    await serve('no-answer')
    const message = await failure(fetchText(url, quick))
    expect(message).toBe(`${url} failed after 2 attempts: it sent no data for 0.3 s`)
    expect(requests).toBe(2)
  }, 20_000)

  it('gives up on a body that trickles past the deadline', async () => {
    await serve('trickle')
    const options = { ...quick, deadlineMs: 800 }
    const message = await failure(downloadFile(url, path.join(dir, 'archive'), options))
    expect(message).toBe(`${url} failed after 2 attempts: it took longer than 0.8 s`)
    expect(requests).toBe(2)
  }, 20_000)
})

describe('network errors', () => {
  it('say what went wrong in words, not as an HTTP status', async () => {
    await serve('no-answer')
    await new Promise(resolve => server.close(resolve))
    const message = await failure(fetchText(url, quick))
    expect(message).toBe(`${url} failed after 2 attempts: connection refused (ECONNREFUSED)`)
  })
})
