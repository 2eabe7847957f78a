/**
 * Simulated Pulumi releases: archives of the simulated CLI (fixtures/pulumi-sim/) in the
 * real names and layouts, with checksum files, and a loopback server to fetch them
 * from. Used by tests, end-to-end tests and the demo, so it imports nothing from vitest.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cp, mkdir, mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { pulumiPlatform } from '../../src/pulumi/install/platform'
import { archiveFileName, checksumsFileName } from '../../src/pulumi/install/releases'

const run = promisify(execFile)

export const SIM_FOLDER = fileURLToPath(new URL('../../fixtures/pulumi-sim/', import.meta.url))

/** A simulated phase: `pulumi up` creating, a no-op `up`, preview, refresh, destroy. */
export type SimPhase = 'up' | 'update' | 'preview' | 'refresh' | 'destroy'

/** What a build of the simulated CLI is and costs (fixtures/pulumi-sim/README.md). */
export interface SimBuild {
  version: string
  /**
   * The CPUs the simulated CLI acts as if it saw (default: this machine's): Python's
   * default executor before 3.44.0 is min(32, CPUs + 4), the default --parallel from
   * 3.100.0 is 4 × CPUs (fixtures/pulumi-sim/sim/settings.mjs workersFor).
   */
  cpus?: number
  /** Starting the language host and program, paid by `up` and `preview`; default 0. */
  programStartMs?: number
  /** One create/diff/read/delete, as a factor of the stack's `latencyMs`. */
  operationFactors?: Partial<Record<'create' | 'diff' | 'read' | 'delete', number>>
  /** Multiplies one phase's per-resource costs: `{ destroy: 2 }` = destroy alone got slower. */
  phaseFactors?: Partial<Record<SimPhase, number>>
}

export interface SimRelease extends SimBuild {
  /** Where the binaries sit in the archive: `pulumi/` (current) or `pulumi/bin/` (old). */
  layout?: 'pulumi' | 'pulumi/bin'
  /** Publish an archive cut short, with a checksum that matches it. */
  damaged?: boolean
  /** Left out of the `versions` list (a build that was never released). */
  unlisted?: boolean
}

/** The seed's pair: 3.43.1 with Python's default executor, 3.44.3 sized from --parallel. */
export const DEFAULT_SIM_RELEASES: SimRelease[] = [{ version: '3.43.1' }, { version: '3.44.3' }]

export interface BuildReleasesOptions {
  releases?: SimRelease[]
  /** Platforms to name archives for; default: this machine. */
  targets?: Array<{ os: string; arch: string }>
  /** What `latest-version` says; default: the last release. */
  latest?: string
}

export interface BuiltReleases {
  dir: string
  latest: string
  /** Every file written, by name. */
  files: string[]
}

/**
 * Writes the simulated CLI into `dir` (`pulumi`, its language-host stubs, the sim
 * modules bundled into `sim/main.mjs`, and `pulumi-sim.json` with the build); returns
 * the binary's path.
 */
export async function writeSimBinaryFolder(dir: string, release: SimBuild): Promise<string> {
  await mkdir(path.join(dir, 'sim'), { recursive: true })
  const modules = path.join(SIM_FOLDER, 'sim')
  await cp(SIM_FOLDER, dir, {
    recursive: true,
    filter: source => !source.endsWith('README.md') && !source.startsWith(modules)
  })
  await writeFile(path.join(dir, 'sim', 'main.mjs'), await simBundle())
  const { version, cpus, programStartMs, operationFactors, phaseFactors } = release
  const build = { version, cpus, programStartMs, operationFactors, phaseFactors }
  await writeFile(path.join(dir, 'pulumi-sim.json'), `${JSON.stringify(build)}\n`)
  return path.join(dir, 'pulumi')
}

let bundled: Promise<string> | undefined

/**
 * The simulator's modules (sim/*.mjs) bundled into one, built once per process: a build's
 * `pulumi` then loads one file, as a release carries one binary. A test run makes about
 * 1,500 simulated commands, and each starts about 20 ms of CPU sooner (docs/development.md).
 */
function simBundle(): Promise<string> {
  bundled ??= build({
    entryPoints: [path.join(SIM_FOLDER, 'sim', 'main.mjs')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent'
  }).then(result => result.outputFiles[0]!.text)
  return bundled
}

/**
 * Writes, for every release and target, `pulumi-v{V}-{os}-{arch}.tar.gz` and `.zip`,
 * then `pulumi-{V}-checksums.txt`, `latest-version` and `versions`. Uses the system `tar`
 * and `zip`.
 */
export async function buildReleases(
  dir: string,
  options: BuildReleasesOptions = {}
): Promise<BuiltReleases> {
  const releases = options.releases ?? DEFAULT_SIM_RELEASES
  const targets = options.targets ?? [pulumiPlatform()]
  await mkdir(dir, { recursive: true })
  const files: string[] = []
  for (const release of releases) {
    const stage = await mkdtemp(path.join(dir, '.stage-'))
    try {
      await writeSimBinaryFolder(path.join(stage, release.layout ?? 'pulumi'), release)
      const checksums: string[] = []
      for (const target of targets) {
        for (const extension of ['tar.gz', 'zip'] as const) {
          const name = archiveFileName(release.version, target, extension)
          const archive = path.join(dir, name)
          await rm(archive, { force: true })
          if (extension === 'zip') await run('zip', ['-qr', archive, 'pulumi'], { cwd: stage })
          else await run('tar', ['-czf', archive, '-C', stage, 'pulumi'])
          if (release.damaged) await truncate(archive, Math.floor((await stat(archive)).size / 2))
          checksums.push(`${await sha256(archive)}  ${name}`)
          files.push(name)
        }
      }
      const checksumsName = checksumsFileName(release.version)
      await writeFile(path.join(dir, checksumsName), `${checksums.join('\n')}\n`)
      files.push(checksumsName)
    } finally {
      await rm(stage, { recursive: true, force: true })
    }
  }
  const latest = options.latest ?? releases.at(-1)?.version ?? ''
  await writeFile(path.join(dir, 'latest-version'), `${latest}\n`)
  files.push('latest-version')
  // The mirror's list of releases, which `bisect` reads (docs/bisect.md).
  const versions = releases.filter(release => !release.unlisted).map(release => release.version)
  await writeFile(path.join(dir, 'versions'), `${versions.join('\n')}\n`)
  files.push('versions')
  return { dir, latest, files }
}

async function sha256(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex')
}

/**
 * How the server answers wrongly for one file: `truncate` sends half of it, then closes
 * the connection; `stall` sends the headers and 100 bytes, then nothing, the connection
 * left open; `corrupt` sends it whole with one byte flipped; `drop` closes the
 * connection without answering; a number answers with that status.
 */
export type Fault = 'truncate' | 'stall' | 'corrupt' | 'drop' | number

export interface ReleaseServer {
  /** `http://127.0.0.1:<port>`, the `pulumi-download-url` to use. */
  url: string
  /** File names asked for, in order. */
  requests: string[]
  /** File name → fault for every request; changeable while the server runs. */
  faults: Map<string, Fault>
  /** File name → faults for the next requests, one each, before `faults` applies. */
  nextFaults: Map<string, Fault[]>
  close(): Promise<void>
}

/** Serves the files of `dir` on 127.0.0.1 (random port); missing files are 404. */
export async function serveReleases(dir: string): Promise<ReleaseServer> {
  const requests: string[] = []
  const faults = new Map<string, Fault>()
  const nextFaults = new Map<string, Fault[]>()
  const server = createServer((request, response) => {
    void (async () => {
      const name = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname.slice(1))
      requests.push(name)
      const fault = nextFaults.get(name)?.shift() ?? faults.get(name)
      if (fault === 'drop') return request.socket.destroy()
      if (typeof fault === 'number') return response.writeHead(fault).end()
      // Only plain names in the folder itself, never a way out of it.
      const body = /^[\w.-]+$/.test(name)
        ? await readFile(path.join(dir, name)).catch(() => null)
        : null
      if (!body) return response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n')
      const headers = { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length }
      response.writeHead(200, headers)
      if (fault === 'stall') {
        response.write(body.subarray(0, 100))
        return
      }
      if (fault === 'truncate') {
        response.write(body.subarray(0, Math.floor(body.length / 2)), () =>
          request.socket.destroy()
        )
        return
      }
      if (fault === 'corrupt') {
        const middle = Math.floor(body.length / 2)
        body.writeUInt8(body.readUInt8(middle) ^ 0xff, middle)
      }
      response.end(body)
    })()
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    faults,
    nextFaults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close(error => (error ? reject(error) : resolve()))
      })
  }
}

export interface Releases {
  server: ReleaseServer
  close(): Promise<void>
}

/** Builds the simulated releases (by default the seed's pair) into a temp folder and serves them. */
export async function startReleases(options: BuildReleasesOptions = {}): Promise<Releases> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ppg-releases-'))
  await buildReleases(dir, options)
  const server = await serveReleases(dir)
  return {
    server,
    close: async () => {
      await server.close()
      await rm(dir, { recursive: true, force: true })
    }
  }
}
