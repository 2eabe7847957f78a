/**
 * Runs the committed bundle (dist/index.js, dist/post.js) the way the GitHub runner
 * does: a separate `node` process with every input as `INPUT_<NAME>` (action.yml's
 * defaults filled in, as the runner passes them), a pull_request event file, fresh
 * GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files per step, and the saved
 * state handed to the post step as `STATE_<name>`. Spawned asynchronously, because the
 * loopback servers the action talks to live in the test process.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import type { ResultsFile } from '../../src/results/schema'
import { startGitHubServer, type GitHubServer } from './github-server'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const REPOSITORY = 'octo-org/infra'
export const PULL_REQUEST = 42
export const RUN_ID = '8675309'
/** The workflow run URL of every simulated job: what report links must point to. */
export const RUN_URL = `https://github.com/${REPOSITORY}/actions/runs/${RUN_ID}`
const WORKFLOW = 'perf-gate'
const JOB = 'deploy-time'
/** The comment key the action derives from the workflow and job name. */
export const COMMENT_KEY = `${WORKFLOW}/${JOB}`

interface ActionYml {
  inputs: Record<string, { default?: string }>
}

/** The environment variable @actions/core reads an input from. */
function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/**
 * action.yml's defaults as the runner evaluates them for a job without a matrix (a
 * leg of one). Only plain context values are expressions there; any other would need
 * the runner's evaluator, so it is refused.
 */
function declaredDefaults(token: string): Record<string, string> {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml
  const contexts: Record<string, string> = {
    'github.token': token,
    'github.workflow': WORKFLOW,
    'github.job': JOB,
    'strategy.job-index': '0',
    'strategy.job-total': '1'
  }
  const defaults: Record<string, string> = {}
  for (const [name, input] of Object.entries(action.inputs)) {
    if (input.default === undefined) continue
    const value = input.default.replace(
      /\$\{\{\s*([\w.-]+)\s*\}\}/g,
      (expression, context: string) => contexts[context] ?? expression
    )
    if (value.includes('${{')) throw new Error(`cannot evaluate the default of ${name}: ${value}`)
    defaults[name] = value
  }
  return defaults
}

/**
 * Parses a file-command file (GITHUB_OUTPUT, GITHUB_STATE) as the runner does:
 * `name=value` lines and `name<<DELIMITER` heredocs. Throws on anything else.
 */
function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line === '') continue
    const equals = line.indexOf('=')
    const heredoc = line.indexOf('<<')
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      values[line.slice(0, equals)] = line.slice(equals + 1)
      continue
    }
    if (heredoc < 0) throw new Error(`malformed file-command line: ${line}`)
    const delimiter = line.slice(heredoc + 2)
    const end = lines.indexOf(delimiter, i + 1)
    if (end < 0) throw new Error(`heredoc ${delimiter} is never closed`)
    values[line.slice(0, heredoc)] = lines.slice(i + 1, end).join('\n')
    i = end
  }
  return values
}

/** The messages of one workflow command (`::error::…`) in stdout, unescaped. */
export function workflowCommands(stdout: string, command: string): string[] {
  const prefix = new RegExp(`^::${command}(?: [^:]*)?::`)
  return stdout
    .split('\n')
    .filter(line => prefix.test(line))
    .map(line => unescapeCommand(line.replace(prefix, '')))
}

function unescapeCommand(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

export interface JobOptions {
  /** GITHUB_API_URL: the loopback GitHub server. */
  apiUrl: string
  /** What the runner's `github.token` evaluates to. */
  token?: string
  /** The step's `with:`; they override action.yml's defaults. */
  inputs?: Record<string, string>
  /** Extra environment (`env:` of the step). */
  env?: Record<string, string>
  eventName?: string
  pullRequest?: number
  /** The event payload; default: a `pull_request` event for `pullRequest`. */
  payload?: unknown
}

export interface StepResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** What the step saved with `core.saveState`, for the post step. */
  state: Record<string, string>
  /** The raw GITHUB_ENV and GITHUB_PATH files, which the action never writes. */
  envFile: string
  pathFile: string
}

export interface RunningStep {
  child: ChildProcess
  /** Output printed so far. */
  stdout(): string
  /** State saved so far. */
  state(): Record<string, string>
  /** SIGKILLs the step and every process under it, as a runner ends a cancelled job. */
  killTree(): void
  finished: Promise<StepResult>
}

export type Entry = 'index' | 'post'

export interface StepOptions {
  /** false: GITHUB_STEP_SUMMARY unset. */
  summary?: boolean
  /** A command to run node under, e.g. `unshare` with a mount. */
  prefix?: string[]
}

/**
 * One job on a simulated runner: its own RUNNER_TEMP, RUNNER_TOOL_CACHE and event file,
 * shared by its steps (main, then post) as on a real runner.
 */
export class ActionJob {
  readonly dir = mkdtempSync(join(tmpdir(), 'ppg-job-'))
  readonly runnerTemp = join(this.dir, 'runner-temp')
  readonly toolCache = join(this.dir, 'tool-cache')
  readonly #env: Record<string, string>
  #steps = 0

  constructor(options: JobOptions) {
    mkdirSync(this.runnerTemp)
    mkdirSync(this.toolCache)
    const eventPath = join(this.dir, 'event.json')
    const number = options.pullRequest ?? PULL_REQUEST
    writeFileSync(eventPath, JSON.stringify(options.payload ?? pullRequestEvent(number)))
    const inputs = { ...declaredDefaults(options.token ?? ''), ...options.inputs }
    this.#env = {
      ...withoutRunnerVariables(process.env),
      ...Object.fromEntries(
        Object.entries(inputs).map(([name, value]) => [inputVariable(name), value])
      ),
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_API_URL: options.apiUrl,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: RUN_ID,
      GITHUB_WORKFLOW: WORKFLOW,
      GITHUB_JOB: JOB,
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      GITHUB_REF: `refs/pull/${number}/merge`,
      RUNNER_OS: 'Linux',
      RUNNER_TEMP: this.runnerTemp,
      RUNNER_TOOL_CACHE: this.toolCache,
      ...options.env
    }
  }

  /**
   * Starts `dist/<entry>.js`; `state` is what an earlier step saved. `summary: false`
   * leaves GITHUB_STEP_SUMMARY unset, as on runners and tools without job summaries;
   * `prefix` runs node under another command (e.g. in a mount namespace).
   */
  start(entry: Entry, state: Record<string, string> = {}, options: StepOptions = {}): RunningStep {
    const files = join(this.dir, `step-${++this.#steps}-${entry}`)
    mkdirSync(files)
    const paths = {
      output: join(files, 'output'),
      state: join(files, 'state'),
      summary: join(files, 'summary'),
      env: join(files, 'env'),
      path: join(files, 'path')
    }
    for (const path of Object.values(paths)) writeFileSync(path, '')
    const env: Record<string, string> = {
      ...this.#env,
      ...Object.fromEntries(Object.entries(state).map(([name, value]) => [`STATE_${name}`, value])),
      GITHUB_OUTPUT: paths.output,
      GITHUB_STATE: paths.state,
      GITHUB_STEP_SUMMARY: paths.summary,
      GITHUB_ENV: paths.env,
      GITHUB_PATH: paths.path
    }
    if (options.summary === false) delete env.GITHUB_STEP_SUMMARY
    const [file, ...args] = [
      ...(options.prefix ?? []),
      process.execPath,
      join(ROOT, 'dist', `${entry}.js`)
    ]
    const child = spawn(file, args, {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const readState = () => parseFileCommands(readFileSync(paths.state, 'utf8'))
    const finished = once(child, 'close').then(([exitCode, signal]) => ({
      exitCode: exitCode as number | null,
      signal: signal as NodeJS.Signals | null,
      stdout,
      stderr,
      outputs: parseFileCommands(readFileSync(paths.output, 'utf8')),
      summary: readFileSync(paths.summary, 'utf8'),
      state: readState(),
      envFile: readFileSync(paths.env, 'utf8'),
      pathFile: readFileSync(paths.path, 'utf8')
    }))
    const killTree = () => killProcessTree(child.pid!)
    return { child, stdout: () => stdout, state: readState, killTree, finished }
  }

  run(entry: Entry, state?: Record<string, string>, options?: StepOptions): Promise<StepResult> {
    return this.start(entry, state, options).finished
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}

/**
 * SIGKILLs `root` and all its descendants, also those in process groups of their own
 * (the benchmark runs each sample in one). Each process is stopped as it is found, so
 * none can spawn another or be re-parented before the whole tree is known. Linux only.
 */
function killProcessTree(root: number): void {
  const tree = new Set([root])
  for (let size = 0; size !== tree.size;) {
    size = tree.size
    for (const pid of tree) signal(pid, 'SIGSTOP')
    for (const [pid, parent] of processParents()) if (tree.has(parent)) tree.add(pid)
  }
  for (const pid of tree) signal(pid, 'SIGKILL')
}

/** [pid, parent pid] of every process, from /proc/<pid>/stat. */
function processParents(): Array<[number, number]> {
  const pairs: Array<[number, number]> = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      // Fields after the command name, which may itself hold spaces and parentheses.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      pairs.push([Number(name), parent])
    } catch {
      // The process ended while we looked.
    }
  }
  return pairs
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name)
  } catch {
    // Already gone.
  }
}

/**
 * `env` without anything a runner (or a CI running the tests, or a `.env` file that
 * vite-node loaded) set: each step gets exactly the runner variables we give it.
 */
export function withoutRunnerVariables(env: NodeJS.ProcessEnv): Record<string, string> {
  const runnerOwned = /^(INPUT_|STATE_|GITHUB_|RUNNER_|ACTIONS_)/
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && !runnerOwned.test(entry[0])
    )
  )
}

/** The parts of a `pull_request` event payload the action and @actions/github read. */
function pullRequestEvent(number: number): unknown {
  const [owner, name] = REPOSITORY.split('/')
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      head: { ref: 'feature', sha: 'fedcba9876543210fedcba9876543210fedcba98' },
      base: { ref: 'main', sha: '0123456789abcdef0123456789abcdef01234567' }
    },
    repository: { name, full_name: REPOSITORY, owner: { login: owner } }
  }
}

/**
 * What the end-to-end tests of one file share: a loopback GitHub API that accepts only
 * `token`, and the jobs run against it.
 */
export class ActionHarness {
  readonly #jobs: ActionJob[] = []

  private constructor(
    readonly github: GitHubServer,
    readonly token: string
  ) {}

  static async start(token: string): Promise<ActionHarness> {
    return new ActionHarness(await startGitHubServer({ token }), token)
  }

  job(inputs: Record<string, string>, options: Partial<JobOptions> = {}): ActionJob {
    const job = new ActionJob({ apiUrl: this.github.url, token: this.token, inputs, ...options })
    this.#jobs.push(job)
    return job
  }

  /** Forgets the pull request's comments and the requests seen, for the next test. */
  resetGitHub(): void {
    this.github.comments.splice(0)
    this.github.requests.splice(0)
    this.github.pulls.clear()
  }

  async close(): Promise<void> {
    for (const job of this.#jobs.splice(0)) job.dispose()
    await this.github.close()
  }
}

/** Inputs of a generic-mode run: two shell commands, few samples, one look. */
export function commandInputs(
  baseline: string,
  candidate: string,
  extra: Record<string, string> = {}
): Record<string, string> {
  return {
    'baseline-command': baseline,
    'candidate-command': candidate,
    samples: '6',
    looks: '1',
    warmup: '1',
    ...extra
  }
}

/** The results file a step wrote, from its `results-file` output. */
export function readResults(step: StepResult): ResultsFile {
  const path = step.outputs['results-file']
  if (!path) throw new Error(`the step set no results-file output:\n${step.stdout}`)
  return loadResults(path)
}

/** A results file, as the action wrote it. */
export function loadResults(path: string): ResultsFile {
  return JSON.parse(readFileSync(path, 'utf8')) as ResultsFile
}
