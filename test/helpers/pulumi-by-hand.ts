/**
 * Pulumi CLIs of several versions, unpacked from a release server (the real one's or the
 * simulated one's archives), run by hand in a world (test/helpers/real-pulumi.ts) as a user
 * would, and what the product reads from them put in comparable form. Used by the
 * conformance suite, which runs each scenario on both. Imports nothing from vitest.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { archiveFileName } from '../../src/pulumi/install/releases'
import { pulumiPlatform } from '../../src/pulumi/install/platform'
import type { CliRun, RealWorld } from './real-pulumi'

const execFileAsync = promisify(execFile)

/** One kind of CLI: where a version's binaries are once unpacked. */
export interface PulumiKind {
  name: 'real' | 'simulated'
  binaries(version: string): Promise<string>
}

/** CLIs unpacked from `downloadUrl` into `folder`, each version once. */
export function unpackedFrom(
  name: PulumiKind['name'],
  downloadUrl: string,
  folder: string
): PulumiKind {
  const unpacked = new Map<string, Promise<string>>()
  const unpack = async (version: string) => {
    const target = path.join(folder, name, version)
    const archiveName = archiveFileName(version, pulumiPlatform(), 'tar.gz')
    const response = await fetch(`${downloadUrl}/${archiveName}`)
    if (!response.ok) throw new Error(`${archiveName}: HTTP ${response.status}`)
    await mkdir(target, { recursive: true })
    const archive = path.join(target, archiveName)
    await writeFile(archive, Buffer.from(await response.arrayBuffer()))
    await execFileAsync('tar', ['-xzf', archive, '-C', target])
    return path.join(target, 'pulumi')
  }
  return {
    name,
    binaries: version => {
      if (!unpacked.has(version)) unpacked.set(version, unpack(version))
      return unpacked.get(version)!
    }
  }
}

export interface TimedLine {
  at: number
  text: string
}

/** A Pulumi command running in a world: its process, its output so far, its end. */
export interface RunningPulumi {
  child: ChildProcess
  stdout(): string
  /** Lines of stdout with when they arrived (ms since the start). */
  lines(): TimedLine[]
  /** Once it ended: why, for giving up a wait (`waitUntil`'s stop); before, undefined. */
  ended(): string | undefined
  done: Promise<CliRun>
}

/**
 * Starts `pulumi args…` of the binaries in `bin`, in the world's program folder, with the
 * world's environment, the backend `backendDir`, an empty passphrase and `env` on top.
 */
export function startPulumi(
  world: RealWorld,
  bin: string,
  backendDir: string,
  args: string[],
  env: Record<string, string> = {}
): RunningPulumi {
  const child = spawn(path.join(bin, 'pulumi'), [...args, '--non-interactive'], {
    cwd: world.program,
    env: {
      ...world.env,
      PATH: [bin, world.env['PATH']].join(path.delimiter),
      PULUMI_BACKEND_URL: `file://${backendDir}`,
      PULUMI_CONFIG_PASSPHRASE: '',
      PULUMI_SKIP_UPDATE_CHECK: 'true',
      ...env
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  const started = Date.now()
  const lines: TimedLine[] = []
  child.stdout.on('data', (chunk: Buffer) => {
    const complete = stdout.lastIndexOf('\n') + 1
    stdout += chunk.toString()
    const at = Date.now() - started
    for (const text of stdout.slice(complete).split('\n').slice(0, -1)) lines.push({ at, text })
  })
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  let ended: string | undefined
  const done = new Promise<CliRun>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', status => {
      ended = `pulumi ${args.join(' ')} exited with ${status}:\n${stdout}${stderr}`
      resolve({ status, stdout, stderr })
    })
  })
  return { child, stdout: () => stdout, lines: () => lines, ended: () => ended, done }
}

/** Runs a command to its end. */
export function pulumiIn(
  world: RealWorld,
  bin: string,
  backendDir: string,
  args: string[],
  env: Record<string, string> = {}
): Promise<CliRun> {
  return startPulumi(world, bin, backendDir, args, env).done
}

const STACK_TYPE = 'pulumi:pulumi:Stack'

/**
 * The most resources in the middle of a create at once, from the non-interactive display
 * (` +  <type> <name> creating` when the step starts, `created` when it ends), leaving
 * out the stack resource, which is "creating" from the first line to the last.
 */
export function createsInFlight(stdout: string): { peak: number; now: number } {
  const inFlight = new Set<string>()
  let peak = 0
  for (const line of stdout.split('\n')) {
    const match = /^ \+ {2}(\S+) (\S+) (\*\*)?(creating|created)\b/.exec(line)
    if (!match || match[1] === STACK_TYPE) continue
    const key = `${match[1]} ${match[2]}`
    if (match[4] === 'creating' && !match[3] && !line.includes('error:')) inFlight.add(key)
    else inFlight.delete(key)
    peak = Math.max(peak, inFlight.size)
  }
  return { peak, now: inFlight.size }
}

/**
 * The creates that ended together: sizes of the groups of ` +  <type> <name> created` lines
 * that reached us with less than `gapMs` between one and the next. With creates of equal
 * length, a provider that serves N at a time ends them N by N.
 */
export function createsEndingTogether(lines: TimedLine[], gapMs: number): number[] {
  const groups: number[] = []
  let last = -Infinity
  for (const { at, text } of lines) {
    const match = /^ \+ {2}(\S+) \S+ created\b/.exec(text)
    if (!match || match[1] === STACK_TYPE) continue
    if (at - last > gapMs) groups.push(0)
    groups[groups.length - 1]!++
    last = at
  }
  return groups
}

function typeOfUrn(urn: string | undefined): string | undefined {
  return urn?.split('::')[2]
}

interface ExportedResource {
  urn: string
  type: string
  custom: boolean
  parent?: string
  provider?: string
}

/**
 * What `pulumi stack export` says, in a form two CLIs can agree on: each resource as its
 * type, whether custom, its parent's and provider's types; each pending operation as its
 * kind and resource type (ids, times and inputs differ from run to run).
 */
export function stateShape(exported: string): { resources: string[]; pending: string[] } {
  const deployment = (JSON.parse(exported) as { deployment: Record<string, unknown> | null })
    .deployment
  const resources = (deployment?.['resources'] ?? []) as ExportedResource[]
  const pending = (deployment?.['pending_operations'] ?? []) as Array<{
    type: string
    resource: ExportedResource
  }>
  const describe = (resource: ExportedResource) =>
    [
      resource.type,
      resource.custom ? 'custom' : 'component',
      `parent=${typeOfUrn(resource.parent) ?? '-'}`,
      `provider=${typeOfUrn(resource.provider?.split('::').slice(0, -1).join('::')) ?? '-'}`
    ].join(' ')
  return {
    resources: resources.map(describe).sort(),
    pending: pending.map(op => `${op.type} ${op.resource.type}`).sort()
  }
}

/**
 * The files of the backend's layout, relative to it: meta.yaml, stack checkpoints and lock
 * files, with uuids of locks as `<uuid>`. Backups, history, blob attributes and the
 * simulation's own files are left out.
 */
export function backendLayout(backendDir: string): string[] {
  const dir = path.join(backendDir, '.pulumi')
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile())
    .map(entry => path.relative(backendDir, path.join(entry.parentPath, entry.name)))
    .filter(file => /^\.pulumi\/(meta\.yaml|stacks\/.*\.json|locks\/.*\.json)$/.test(file))
    .map(file => file.replace(/[0-9a-f-]{36}\.json$/, '<uuid>.json'))
    .sort()
}
