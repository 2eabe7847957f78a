import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { basename, resolve, sep } from 'node:path'
import type { ShellSetting } from '../bench/types'
import { splitWords } from '../bench/process/words'
import { describeError, InputError } from '../core/errors/errors'
import { MAX_LOOKS, MAX_SAMPLES } from '../core/limits'
import type { FailOn } from '../stats/decide/verdict'
import { STATISTICS, type Statistic } from '../stats/tests/test-kind'
import { DEFAULT_DOWNLOAD_URL } from '../pulumi/install/releases'
import { checkStackPrefix } from '../pulumi/stack/stack-name'
import type { Phase } from '../core/phases'
import { INPUT_DEFAULTS, Input, type RawInputs } from './inputs'
import { parsePhases } from './phases'
import { parseAlpha, parseChoice, parseInteger, parseMinutes, parseThreshold } from './parse'
import type { CommentSettings } from '../github/publish'

/** What is measured: two shell commands, or one Pulumi program with two CLIs. */
export type Target =
  | {
      kind: 'commands'
      baseline: string
      candidate: string
      /** A sweep's further candidates (`candidate-commands`, one per line). */
      more?: string[]
    }
  | {
      kind: 'pulumi'
      program: string
      baselineProgram: string
      baselineVersion: string
      candidateVersion: string
      parallel?: number
      /** The raw `config` input: lines `key: value`. */
      config: string
      stackPrefix: string
      backendUrl?: string
      downloadUrl: string
    }

export interface Decision {
  alpha: number
  threshold: number
  failOn: FailOn
}

export interface RunConfig {
  name: string
  target: Target
  shell: ShellSetting
  prepare?: string
  cleanup?: string
  samples: number
  looks: number
  /** Benchmarks judged together (matrix jobs): regression spends alpha/m. */
  familySize: number
  /** Pulumi phases to time, in the order listed (generic mode: `up`, its one command). */
  phases: Phase[]
  /** Remove a common linear run-order trend before the tests. */
  detrend: boolean
  /** `mean` (Welch) or `trimmed` (Yuen's 20%-trimmed means). */
  statistic: Statistic
  warmup: number
  timeoutMs: number
  decision: Decision
  resultsFile: string
  /**
   * The results file's folder is the run's own (no `results-file` given): a new folder
   * with a random name, which the run creates and nobody else may have made first.
   */
  ownResultsFolder: boolean
}

/** Shells a user may name; `none` splits the command into words and spawns it directly. */
export const SHELLS: Record<string, ShellSetting> = {
  bash: { kind: 'shell', path: 'bash' },
  sh: { kind: 'shell', path: 'sh' },
  zsh: { kind: 'shell', path: 'zsh' },
  pwsh: { kind: 'shell', path: 'pwsh' },
  none: { kind: 'none' }
}

/** The value of an input: what the user set, else the documented default. */
export function inputValue(raw: RawInputs, input: Input): string | undefined {
  const value = raw[input]?.trim()
  return value === undefined || value === '' ? INPUT_DEFAULTS[input] : value
}

function required(raw: RawInputs, input: Input): string {
  const value = inputValue(raw, input)
  if (value === undefined) throw new InputError(`${input} is required`)
  return value
}

/** The decision settings shared by `run`, `compare` and `report`. */
export function parseDecision(raw: RawInputs): Decision {
  return {
    alpha: parseAlpha(Input.Alpha, required(raw, Input.Alpha)),
    threshold: parseThreshold(Input.Threshold, required(raw, Input.Threshold)),
    failOn: parseChoice(Input.FailOn, required(raw, Input.FailOn), [
      'regression',
      'regression-or-inconclusive',
      'never'
    ])
  }
}

/** `family-size`: how many benchmarks are judged together (README "Inputs"). */
export function parseFamilySize(raw: RawInputs): number {
  return parseInteger(Input.FamilySize, required(raw, Input.FamilySize), { min: 1, max: 1000 })
}

/**
 * Validates every input of `run` before anything is measured. `env` supplies the
 * Actions variables that some defaults come from.
 */
export function parseRunConfig(raw: RawInputs, env: NodeJS.ProcessEnv): RunConfig {
  const target = parseTarget(raw, env)
  const samples = parseInteger(Input.Samples, required(raw, Input.Samples), {
    min: 2,
    max: MAX_SAMPLES
  })
  // The most looks to use: the placement never makes more than the samples allow.
  const looks = Math.min(
    samples,
    parseInteger(Input.Looks, required(raw, Input.Looks), { min: 1, max: MAX_LOOKS })
  )
  const shellName = required(raw, Input.Shell)
  const shell = SHELLS[shellName]
  if (shell === undefined) {
    throw new InputError(
      `${Input.Shell}: ${JSON.stringify(shellName)} is not a supported shell; expected one of ${Object.keys(SHELLS).join(', ')}`
    )
  }
  if (shell.kind === 'none') checkWords(raw)
  const defaultName = target.kind === 'pulumi' ? basename(resolve(target.program)) : 'benchmark'
  return {
    name: inputValue(raw, Input.Name) ?? defaultName,
    target,
    shell,
    prepare: inputValue(raw, Input.Prepare),
    cleanup: inputValue(raw, Input.Cleanup),
    samples,
    looks,
    familySize: parseFamilySize(raw),
    phases: parseRunPhases(raw, target),
    detrend: parseChoice(Input.Detrend, required(raw, Input.Detrend), ['true', 'false']) === 'true',
    statistic: parseChoice(Input.Statistic, required(raw, Input.Statistic), STATISTICS),
    warmup: parseInteger(Input.Warmup, required(raw, Input.Warmup), { min: 0 }),
    timeoutMs: parseMinutes(Input.Timeout, required(raw, Input.Timeout)) * 60_000,
    decision: parseDecision(raw),
    ...resultsFile(inputValue(raw, Input.ResultsFile), env)
  }
}

/**
 * The given path, or one in a folder of the run's own: a shared, predictable folder
 * would let another user of the machine plant links there, and two runs at once
 * overwrite each other's results and logs.
 */
function resultsFile(
  given: string | undefined,
  env: NodeJS.ProcessEnv
): { resultsFile: string; ownResultsFolder: boolean } {
  if (given !== undefined) return { resultsFile: resultsPath(given), ownResultsFolder: false }
  const folder = `pulumi-perf-gate-${randomBytes(6).toString('hex')}`
  return {
    resultsFile: resolve(env.RUNNER_TEMP || tmpdir(), folder, 'results.json'),
    ownResultsFolder: true
  }
}

/** The path made absolute; a trailing separator stays, for the path check to refuse. */
function resultsPath(given: string): string {
  const absolute = resolve(given)
  const folder = given.endsWith('/') || given.endsWith(sep)
  return folder && !absolute.endsWith(sep) ? `${absolute}${sep}` : absolute
}

/** `phases`; generic mode times its one command per sample, so it takes only `up`. */
function parseRunPhases(raw: RawInputs, target: Target): Phase[] {
  const value = required(raw, Input.Phases)
  const phases = parsePhases(Input.Phases, value)
  if (target.kind === 'commands' && phases.join() !== 'up') {
    throw new InputError(
      `${Input.Phases}: ${JSON.stringify(value)} times Pulumi phases; with ${Input.BaselineCommand} and ${Input.CandidateCommand} each sample times the one command, so leave ${Input.Phases} at up`
    )
  }
  return phases
}

/** The inputs that only Pulumi mode reads (`phases` has its own message). */
const PULUMI_ONLY = [
  Input.Program,
  Input.BaselineProgram,
  Input.CandidateVersion,
  Input.Parallel,
  Input.Config,
  Input.StackPrefix,
  Input.BackendUrl,
  Input.PulumiDownloadUrl
] as const

function parseTarget(raw: RawInputs, env: NodeJS.ProcessEnv): Target {
  const baselineCommand = inputValue(raw, Input.BaselineCommand)
  const candidateCommand = inputValue(raw, Input.CandidateCommand)
  const baselineVersion = inputValue(raw, Input.BaselineVersion)
  if (baselineCommand !== undefined || candidateCommand !== undefined) {
    if (baselineCommand === undefined || candidateCommand === undefined) {
      const missing = baselineCommand === undefined ? Input.BaselineCommand : Input.CandidateCommand
      throw new InputError(
        `${missing} is missing; ${Input.BaselineCommand} and ${Input.CandidateCommand} go together`
      )
    }
    if (baselineVersion !== undefined) {
      throw new InputError(
        `${Input.BaselineVersion} cannot be combined with ${Input.BaselineCommand}/${Input.CandidateCommand}; give either Pulumi versions or two commands`
      )
    }
    // A Pulumi setting beside two commands would be ignored: the user meant something else.
    const ignored = PULUMI_ONLY.find(input => inputValue(raw, input) !== INPUT_DEFAULTS[input])
    if (ignored !== undefined) {
      throw new InputError(
        `${ignored} applies to Pulumi mode only; with ${Input.BaselineCommand} and ${Input.CandidateCommand} it would be ignored, so leave it out`
      )
    }
    const more = (inputValue(raw, Input.CandidateCommands) ?? '')
      .split('\n')
      .map(line => line.trim())
      .filter(line => line !== '')
    return {
      kind: 'commands',
      baseline: baselineCommand,
      candidate: candidateCommand,
      ...(more.length === 0 ? {} : { more })
    }
  }
  if (inputValue(raw, Input.CandidateCommands) !== undefined) {
    throw new InputError(
      `${Input.CandidateCommands} adds candidates to ${Input.BaselineCommand} and ${Input.CandidateCommand}; give those too (several Pulumi versions go in ${Input.CandidateVersion})`
    )
  }
  if (baselineVersion === undefined) {
    throw new InputError(
      `${Input.BaselineVersion} is required (Pulumi mode), or give ${Input.BaselineCommand} and ${Input.CandidateCommand} to compare two commands`
    )
  }
  const program = inputValue(raw, Input.Program) ?? '.'
  const parallel = inputValue(raw, Input.Parallel)
  return {
    kind: 'pulumi',
    program: resolve(program),
    baselineProgram: resolve(inputValue(raw, Input.BaselineProgram) ?? program),
    baselineVersion,
    candidateVersion: inputValue(raw, Input.CandidateVersion) ?? 'installed',
    ...(parallel === undefined
      ? {}
      : { parallel: parseInteger(Input.Parallel, parallel, { min: 1 }) }),
    config: inputValue(raw, Input.Config) ?? '',
    // The run id plus a random part: matrix jobs of one run share the run id, and
    // with a shared backend they must never pick (and destroy) each other's stacks.
    stackPrefix: checkStackPrefix(
      inputValue(raw, Input.StackPrefix) ??
        `perf-gate-${env.GITHUB_RUN_ID ?? 'local'}-${randomBytes(3).toString('hex')}`,
      Input.StackPrefix
    ),
    backendUrl: checkBackendUrl(inputValue(raw, Input.BackendUrl)),
    downloadUrl: inputValue(raw, Input.PulumiDownloadUrl) ?? DEFAULT_DOWNLOAD_URL
  }
}

/** The comment settings of `run` and `report`. */
export function parseReporting(
  raw: RawInputs,
  env: NodeJS.ProcessEnv,
  name: string
): CommentSettings {
  const workflowJob = [env.GITHUB_WORKFLOW, env.GITHUB_JOB].filter(Boolean).join('/')
  const pullRequest = inputValue(raw, Input.PullRequest)
  return {
    comment: parseChoice(Input.Comment, required(raw, Input.Comment), [
      'always',
      'on-regression',
      'never'
    ]),
    commentKey: commentKey(inputValue(raw, Input.CommentKey), workflowJob || name),
    logs:
      parseChoice(Input.CommentLogs, required(raw, Input.CommentLogs), ['true', 'false']) ===
      'true',
    pullRequest:
      pullRequest === undefined
        ? undefined
        : parseInteger(Input.PullRequest, pullRequest, { min: 1 })
  }
}

/**
 * The key of the sticky comment. action.yml's default, as the runner expands it, is
 * `workflow/job/index/total`: the legs of a matrix get one comment each, and a job that
 * is no matrix (a leg of one, `/0/1`) keeps the key it always had, `workflow/job`.
 * Unexpanded (the command line, a local run of the action), it is `fallback`.
 */
function commentKey(given: string | undefined, fallback: string): string {
  if (given === undefined || given.includes('${{')) return fallback
  return given.endsWith('/0/1') && given.slice(0, -4) === fallback ? fallback : given
}

/**
 * With `shell: none` every command must split into words: said now, naming the input,
 * not after the downloads and stacks.
 */
function checkWords(raw: RawInputs): void {
  for (const input of [
    Input.BaselineCommand,
    Input.CandidateCommand,
    Input.Prepare,
    Input.Cleanup
  ]) {
    const command = inputValue(raw, input)
    try {
      if (command !== undefined) splitWords(command)
    } catch (error) {
      throw new InputError(`${input}: ${describeError(error)}`)
    }
  }
}

function decodes(url: string): boolean {
  try {
    decodeURIComponent(url)
    return true
  } catch {
    return false
  }
}

/**
 * A backend is a URL with a scheme and a place: Pulumi tells a self-managed backend by
 * its scheme (file, s3, gs, azblob) and takes anything else for a Pulumi Cloud URL;
 * `file://` alone would put the state in the program's folder.
 */
function checkBackendUrl(url: string | undefined): string | undefined {
  if (url !== undefined && !decodes(url)) {
    // Never the value: a backend URL may hold credentials.
    throw new InputError(
      `${Input.BackendUrl}: a % in it starts no valid escape; write a % as %25 (a space as %20)`
    )
  }
  if (url === undefined || /^[a-z][a-z0-9+.-]*:\/\/./i.test(url)) return url
  throw new InputError(
    `${Input.BackendUrl} is not a backend URL; expected one such as file:///path/to/folder, s3://bucket or https://api.pulumi.com`
  )
}
