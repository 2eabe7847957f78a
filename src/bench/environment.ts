import os from 'node:os'
import { workflowRunUrl } from '../core/run-url'

/** Where and with what a benchmark ran (the results file's `environment`). */
export interface Environment {
  os: string
  release: string
  arch: string
  cpuModel: string
  cores: number
  memoryBytes: number
  loadBefore: number[]
  loadAfter: number[]
  node: string
  tool: string
  commit?: string
  ref?: string
  runUrl?: string
  [key: string]: unknown
}

/** Facts about the machine, gathered by `machineFacts`. */
export type MachineFacts = Pick<
  Environment,
  'os' | 'release' | 'arch' | 'cpuModel' | 'cores' | 'memoryBytes' | 'node'
>

export interface FingerprintOptions {
  /** This tool's version (package.json). */
  tool: string
  /** Load averages (1, 5, 15 min) taken before measuring, from `os.loadavg()`. */
  loadBefore: number[]
  /** Load averages after measuring; taken now when not given. */
  loadAfter?: number[]
  /** Environment variables to read the GitHub Actions context from. */
  env?: NodeJS.ProcessEnv
}

/** Where and with what the benchmark ran, for the results file and the report. */
export function environmentFingerprint(options: FingerprintOptions): Environment {
  return describeEnvironment(machineFacts(), {
    ...options,
    loadAfter: options.loadAfter ?? os.loadavg(),
    env: options.env ?? process.env
  })
}

export function machineFacts(): MachineFacts {
  return {
    os: process.platform,
    release: os.release(),
    arch: process.arch,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryBytes: os.totalmem(),
    node: process.version
  }
}

/** Pure: the fingerprint from machine facts, load averages and environment variables. */
export function describeEnvironment(
  machine: MachineFacts,
  options: Required<FingerprintOptions>
): Environment {
  return {
    ...machine,
    loadBefore: options.loadBefore.map(roundLoad),
    loadAfter: options.loadAfter.map(roundLoad),
    tool: options.tool,
    ...actionsContext(options.env)
  }
}

/** Commit, ref, run link and runner, only when running in GitHub Actions. */
function actionsContext(env: NodeJS.ProcessEnv): Partial<Environment> {
  if (env.GITHUB_ACTIONS !== 'true') return {}
  const context: Partial<Environment> = {
    commit: env.GITHUB_SHA,
    ref: env.GITHUB_REF,
    runUrl: workflowRunUrl(env),
    runnerName: env.RUNNER_NAME,
    runnerOs: env.RUNNER_OS,
    runnerArch: env.RUNNER_ARCH,
    runnerImage: env.ImageOS && [env.ImageOS, env.ImageVersion].filter(Boolean).join(' ')
  }
  // Leave out what the runner did not set rather than writing empty fields.
  return Object.fromEntries(Object.entries(context).filter(([, value]) => value))
}

function roundLoad(load: number): number {
  return Math.round(load * 100) / 100
}
