/**
 * The world of a real-CLI test: a machine's worth of Pulumi state in one temporary
 * folder (PULUMI_HOME, a runner's tool cache and temp folder, the test provider on PATH)
 * and a copy of a real program. Every process of the test mentions that folder on its
 * command line (the CLIs run from its tool cache, the provider from its bin folder), so
 * `processesLeft` finds whatever outlived a run. Imports nothing from vitest.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { archiveName, type RealPulumiBuild } from '../../scripts/real-pulumi/build'

const execFileAsync = promisify(execFile)
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const BUNDLED_CLI = path.join(ROOT, 'dist', 'cli.js')
const PROGRAMS = path.join(ROOT, 'fixtures', 'programs')

export interface RealWorld {
  root: string
  /** The program's folder: a copy of provider-sleep-python, or a generated YAML program. */
  program: string
  /** Where the provider records live resources, one file each, in a folder per stack. */
  resourcesDir: string
  resultsFile: string
  /** The environment of a job on this machine: PATH with the provider, PULUMI_HOME, runner folders. */
  env: Record<string, string>
  /** Files of live resources, whatever stack they belong to. */
  liveResources(): string[]
  /** Command lines of processes still running from this world. */
  processesLeft(): Promise<string[]>
  remove(): Promise<void>
}

export interface WorldOptions {
  /** `python` (default): provider-sleep-python in the cached virtualenv. `yaml`: `resources` Sleeps in a YAML program. */
  runtime?: 'python' | 'yaml'
  /** Python programs: the fixture program to copy; default provider-sleep-python. */
  pythonProgram?: 'provider-sleep-python' | 'sleep-python'
  /** YAML programs: how many resources and how long each create takes. */
  resources?: number
  createSeconds?: number
  /** How long each create then waits for its resource to be ready (default 0). */
  readySeconds?: number
}

export async function makeRealWorld(
  build: RealPulumiBuild,
  options: WorldOptions = {}
): Promise<RealWorld> {
  const root = await mkdtemp(path.join(tmpdir(), 'ppg-real-'))
  const program = path.join(root, 'program')
  const resourcesDir = path.join(program, 'live-resources')
  const bin = path.join(root, 'bin')
  await mkdir(bin)
  await symlink(build.provider, path.join(bin, path.basename(build.provider)))
  if ((options.runtime ?? 'python') === 'python') {
    const fixture = options.pythonProgram ?? 'provider-sleep-python'
    await cp(path.join(PROGRAMS, fixture), program, { recursive: true })
    await symlink(build.venv, path.join(program, 'venv'))
  } else {
    await mkdir(program)
    await writeFile(
      path.join(program, 'Pulumi.yaml'),
      yamlProgram(resourcesDir, {
        count: options.resources ?? 10,
        createSeconds: options.createSeconds ?? 0.2,
        readySeconds: options.readySeconds ?? 0
      })
    )
  }
  await mkdir(resourcesDir, { recursive: true })
  const env: Record<string, string> = {
    PATH: [bin, process.env['PATH'] ?? ''].join(path.delimiter),
    HOME: process.env['HOME'] ?? root,
    PULUMI_HOME: path.join(root, 'pulumi-home'),
    RUNNER_TOOL_CACHE: path.join(root, 'tool-cache'),
    RUNNER_TEMP: path.join(root, 'runner-temp')
  }
  await mkdir(env['RUNNER_TEMP']!)
  return {
    root,
    program,
    resourcesDir,
    resultsFile: path.join(root, 'results', 'results.json'),
    env,
    liveResources: () =>
      existsSync(resourcesDir)
        ? readdirSync(resourcesDir, { recursive: true, withFileTypes: true })
            .filter(entry => entry.isFile())
            .map(entry => path.join(entry.parentPath, entry.name))
        : [],
    processesLeft: () => processesMentioning(root),
    remove: () => rm(root, { recursive: true, force: true })
  }
}

/**
 * A YAML program of `count` independent Sleeps, each recording itself in `dir`. YAML has
 * no loops, and its config syntax changed across the versions tested, so the values are
 * written into the program itself.
 */
function yamlProgram(
  dir: string,
  sleeps: { count: number; createSeconds: number; readySeconds: number }
): string {
  const resources = Array.from({ length: sleeps.count }, (_, i) =>
    [
      `  sleep-${String(i).padStart(3, '0')}:`,
      '    type: perfgate:index:Sleep',
      '    properties:',
      `      dir: ${JSON.stringify(dir)}`,
      `      createSeconds: ${sleeps.createSeconds}`,
      ...(sleeps.readySeconds > 0 ? [`      readySeconds: ${sleeps.readySeconds}`] : [])
    ].join('\n')
  )
  return ['name: provider-sleep-yaml', 'runtime: yaml', 'resources:', ...resources, ''].join('\n')
}

/** Command lines of running processes that mention `text`. */
export async function processesMentioning(text: string): Promise<string[]> {
  const { stdout } = await execFileAsync('ps', ['-eo', 'pid=,args='])
  return stdout.split('\n').filter(line => line.includes(text) && !line.includes(' ps -eo'))
}

export interface CliRun {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs the bundled command line (dist/cli.js) as a user would, in `env` alone. */
export function runBundledCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return startBundledCli(args, env).finished
}

/** Starts the bundled command line; `finished` resolves when it has exited. */
export function startBundledCli(
  args: string[],
  env: Record<string, string>
): { child: ChildProcess; finished: Promise<CliRun> } {
  const child = spawn(process.execPath, [BUNDLED_CLI, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const finished = new Promise<CliRun>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', status => resolve({ status, stdout, stderr }))
  })
  return { child, finished }
}

/** Flags of a `run` on the real CLIs from `downloadUrl`, in `world`; `extra` adds or replaces. */
export function realRunArgs(
  world: RealWorld,
  downloadUrl: string,
  flags: Record<string, string>
): string[] {
  const all: Record<string, string> = {
    program: world.program,
    'pulumi-download-url': downloadUrl,
    'results-file': world.resultsFile,
    format: 'json',
    ...flags
  }
  return ['run', ...Object.entries(all).flatMap(([name, value]) => [`--${name}`, value])]
}

/**
 * Runs `pulumi` of `version` as the user would by hand in `world` (own PATH, PULUMI_HOME
 * and program folder), from its release archive unpacked beside the world.
 */
export async function pulumiByHand(
  world: RealWorld,
  build: RealPulumiBuild,
  version: string,
  args: string[],
  env: Record<string, string> = {}
): Promise<{ stdout: string; stderr: string }> {
  const folder = path.join(world.root, 'by-hand', version)
  if (!existsSync(folder)) {
    await mkdir(folder, { recursive: true })
    await execFileAsync('tar', [
      '-xzf',
      path.join(build.releases, archiveName(version)),
      '-C',
      folder
    ])
  }
  const binaryDir = path.join(folder, 'pulumi')
  return execFileAsync(path.join(binaryDir, 'pulumi'), args, {
    cwd: world.program,
    env: {
      ...world.env,
      PATH: [binaryDir, world.env['PATH']].join(path.delimiter),
      PULUMI_CONFIG_PASSPHRASE: '',
      PULUMI_SKIP_UPDATE_CHECK: 'true',
      ...env
    }
  })
}
