/**
 * The ways a Pulumi-mode run ends early, played against the bundle (dist/) with the
 * simulated Pulumi: the runner cancelling the job, the main step killed, a destroy
 * that fails, the command line interrupted. Shared by the end-to-end tests, which assert
 * what is left, and `npm run bench:cancel`, which prints how long each took. Imports
 * nothing from vitest.
 */
import { execFile, spawn } from 'node:child_process'
import { once } from 'node:events'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import type { ActionHarness, ActionJob, RunningStep, StepResult } from './action-runner'
import { withoutRunnerVariables } from './action-runner'
import { readSimCloud, type SimCloudResource } from './sim-cloud'

const execFileAsync = promisify(execFile)
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const BUNDLED_CLI = join(ROOT, 'dist', 'cli.js')
const PROGRAM = join(ROOT, 'fixtures', 'programs', 'sleep-python')
/** The project of fixtures/programs/sleep-python: stacks and resources live under it. */
export const PROJECT = 'sleep-python'

/**
 * Creates of 1.5 s, all 12 at once (3.43.1 creates 20 at once, 3.44.3 more), so a cancel
 * lands while creates are in flight and a graceful stop has to wait for them.
 */
export const SLOW_CREATES = 'resources: 12\nlatencyMs: 1500'

/** The runner's delays (actions/runner src/Runner.Sdk/ProcessInvoker.cs). */
export const RUNNER_SIGINT_TIMEOUT_MS = 7500
export const RUNNER_SIGTERM_TIMEOUT_MS = 2500

/** A scratch folder with a copy of the program, a `file://` backend and a results path. */
export interface Scratch {
  root: string
  program: string
  backendDir: string
  backendUrl: string
  resultsFile: string
}

export function makeScratch(parent: string): Scratch {
  const root = mkdtempSync(join(parent, 'scenario-'))
  const program = join(root, 'program')
  const backendDir = join(root, 'backend')
  cpSync(PROGRAM, program, { recursive: true })
  mkdirSync(backendDir)
  return {
    root,
    program,
    backendDir,
    backendUrl: pathToFileURL(backendDir).href,
    resultsFile: join(root, 'results', 'results.json')
  }
}

/** The action's inputs for a run on slow creates against `scratch`'s backend. */
export function slowInputs(
  scratch: Scratch,
  downloadUrl: string,
  extra: Record<string, string> = {}
): Record<string, string> {
  return {
    program: scratch.program,
    'baseline-version': '3.43.1',
    'candidate-version': '3.44.3',
    'pulumi-download-url': downloadUrl,
    'backend-url': scratch.backendUrl,
    'results-file': scratch.resultsFile,
    config: SLOW_CREATES,
    samples: '4',
    warmup: '0',
    looks: '1',
    ...extra
  }
}

/** What is left in a backend: stack files under `.pulumi/stacks`, resources in the cloud. */
export interface Leftovers {
  stacks: string[]
  cloud: SimCloudResource[]
}

export function leftovers(backendDir: string): Leftovers {
  const stacksDir = join(backendDir, '.pulumi', 'stacks')
  const stacks = existsSync(stacksDir)
    ? readdirSync(stacksDir, { recursive: true, withFileTypes: true })
        .filter(entry => entry.isFile())
        .map(entry => join(entry.parentPath, entry.name))
    : []
  return { stacks, cloud: readSimCloud(backendDir) }
}

export function isEmpty(found: Leftovers): boolean {
  return found.stacks.length === 0 && found.cloud.length === 0
}

/** Command lines of running processes that mention `text` (e.g. a job's tool cache). */
export async function processesMentioning(text: string): Promise<string[]> {
  const { stdout } = await execFileAsync('ps', ['-eo', 'pid=,args='])
  return stdout.split('\n').filter(line => line.includes(text) && !line.includes(' ps -eo'))
}

/** Polls `ready` every 50 ms; throws naming `what` after `timeoutMs` or when `stop()` says so. */
export async function waitUntil(
  what: string,
  ready: () => boolean | Promise<boolean>,
  options: { timeoutMs?: number; stop?: () => string | undefined } = {}
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 45_000)
  while (!(await ready())) {
    const stopped = options.stop?.()
    if (stopped !== undefined) throw new Error(`gave up waiting until ${what}: ${stopped}`)
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`)
    await sleep(50)
  }
}

/** Waits until no simulated Pulumi of this tool cache runs any more (they end by themselves). */
export async function simulatorsEnded(toolCache: string, timeoutMs = 60_000): Promise<void> {
  await waitUntil(
    'every simulated pulumi has ended',
    async () => (await processesMentioning(toolCache)).length === 0,
    { timeoutMs }
  )
}

/**
 * Resolves once a simulated `pulumi <command>` of this tool cache runs, and has had half
 * a second to start its reads or deletes (each takes as long as a create, 1.5 s).
 */
export async function commandRunning(
  toolCache: string,
  command: string,
  stop: () => string | undefined
): Promise<void> {
  const running = async () =>
    (await processesMentioning(toolCache)).some(line => line.includes(` ${command} --yes`))
  await waitUntil(`a pulumi ${command} runs`, running, { stop })
  await sleep(500)
}

/** Resolves once a `pulumi up` has creates in flight: the cloud holds one of its resources. */
export async function upInFlight(
  backendDir: string,
  stop: () => string | undefined
): Promise<void> {
  await waitUntil('a pulumi up has creates in flight', () => readSimCloud(backendDir).length > 0, {
    stop
  })
}

export interface RunnerCancel {
  /** Signals sent, in order. */
  sent: NodeJS.Signals[]
  /** Milliseconds from the SIGINT to the step's exit. */
  exitMs: number
  result: StepResult
}

/**
 * A cancelled job, as the runner ends the running step (ProcessInvoker
 * CancelAndKillProcessTree): SIGINT to the step's process; if it is still running 7.5 s
 * later, SIGTERM; 2.5 s after that, SIGKILL of that process only (NixKillProcessTree
 * kills `_proc`, not its children).
 */
export async function cancelLikeTheRunner(step: RunningStep): Promise<RunnerCancel> {
  const { child } = step
  const exited = once(child, 'exit')
  const sent: NodeJS.Signals[] = []
  const start = performance.now()
  let exitMs = Number.NaN
  void exited.then(() => (exitMs = performance.now() - start))
  const send = (signal: NodeJS.Signals) => {
    sent.push(signal)
    child.kill(signal)
  }
  const exitedWithin = (ms: number) =>
    Promise.race([exited.then(() => true), sleep(ms).then(() => false)])
  send('SIGINT')
  if (!(await exitedWithin(RUNNER_SIGINT_TIMEOUT_MS))) {
    send('SIGTERM')
    if (!(await exitedWithin(RUNNER_SIGTERM_TIMEOUT_MS))) send('SIGKILL')
  }
  const result = await step.finished
  return { sent, exitMs, result }
}

export interface PostRun {
  result: StepResult
  /** Milliseconds from the post step's start to the first look at an empty backend. */
  emptyMs: number | undefined
  /** Milliseconds from its start to its exit. */
  durationMs: number
}

/** Runs the post step with the state the main step saved, watching the backend empty. */
export async function runPost(
  job: ActionJob,
  state: Record<string, string>,
  backendDir: string
): Promise<PostRun> {
  const start = performance.now()
  const post = job.start('post', state)
  let emptyMs: number | undefined
  let done = false
  const watch = (async () => {
    while (!done) {
      if (emptyMs === undefined && isEmpty(leftovers(backendDir))) {
        emptyMs = performance.now() - start
      }
      await sleep(50)
    }
  })()
  const result = await post.finished
  const durationMs = performance.now() - start
  // A post step that kept nothing may finish between two looks.
  if (emptyMs === undefined && isEmpty(leftovers(backendDir))) emptyMs = performance.now() - start
  done = true
  await watch
  return { result, emptyMs, durationMs }
}

export interface ActionScenario {
  main: StepResult
  /** SIGINT to exit of the main step, when it was cancelled. */
  mainExitMs?: number
  signals?: NodeJS.Signals[]
  post: PostRun
  left: Leftovers
}

/**
 * Starts the main step on slow creates and, once an `up` has creates in flight, ends it:
 * `cancel` as the runner cancels a job, `kill` with SIGKILL of the step's process only,
 * `kill-tree` with SIGKILL of it and everything under it. Then runs the post step and,
 * once every simulated Pulumi has ended, says what is left. `extra` inputs override
 * the run's (another mode).
 */
export async function interruptedJob(
  harness: ActionHarness,
  downloadUrl: string,
  scratch: Scratch,
  how: 'cancel' | 'kill' | 'kill-tree',
  extra: Record<string, string> = {}
): Promise<ActionScenario & { job: ActionJob }> {
  const job = harness.job(slowInputs(scratch, downloadUrl, extra))
  const main = job.start('index')
  const ended = () =>
    main.child.exitCode === null ? undefined : `main step ended:\n${main.stdout()}`
  await upInFlight(scratch.backendDir, ended)
  let mainExitMs: number | undefined
  let signals: NodeJS.Signals[] | undefined
  let mainResult: StepResult
  if (how === 'cancel') {
    const cancelled = await cancelLikeTheRunner(main)
    mainExitMs = cancelled.exitMs
    signals = cancelled.sent
    mainResult = cancelled.result
  } else {
    if (how === 'kill') main.child.kill('SIGKILL')
    else main.killTree()
    mainResult = await main.finished
  }
  const post = await runPost(job, mainResult.state, scratch.backendDir)
  await simulatorsEnded(job.toolCache)
  return {
    job,
    main: mainResult,
    ...(mainExitMs === undefined ? {} : { mainExitMs }),
    ...(signals === undefined ? {} : { signals }),
    post,
    left: leftovers(scratch.backendDir)
  }
}

/** A `prepare` command that, from the `after`-th call on, makes every destroy of both stacks fail. */
export function failDestroysAfter(scratch: Scratch, after: number, prefix: string): string {
  const counter = join(scratch.root, 'prepares')
  const failFromNowOn = [`${prefix}-baseline`, `${prefix}-candidate`]
    .map(stack => `pulumi config set --stack ${stack} failDestroy true`)
    .join(' && ')
  return `echo . >> '${counter}'; if [ "$(wc -l < '${counter}')" -ge ${after} ]; then ${failFromNowOn}; fi`
}

/**
 * The action's inputs for a short run (10 fast resources, 2 samples, stacks `gate-*`)
 * whose destroys fail from the fourth `prepare` on: the last cycle's destroy fails, and
 * so do the teardown's destroys of both stacks.
 */
export function failingDestroyInputs(
  scratch: Scratch,
  downloadUrl: string
): Record<string, string> {
  return slowInputs(scratch, downloadUrl, {
    config: 'resources: 10\nlatencyMs: 10',
    samples: '2',
    'stack-prefix': 'gate',
    prepare: failDestroysAfter(scratch, 4, 'gate')
  })
}

export interface CliScenario {
  code: number | null
  signal: NodeJS.Signals | null
  stderr: string
  /** Milliseconds from the signal to the command line's exit. */
  exitMs: number
  /** Milliseconds from the signal to the first look at an empty backend. */
  emptyMs: number | undefined
  left: Leftovers
}

/** Where the command line is when the signal comes, and how many signals it gets. */
export interface Interruption {
  /** A second signal 300 ms after the first, while Pulumi still works. */
  twice?: boolean
  /**
   * The Pulumi command in flight: `up` (creates, the default), or `refresh` or `destroy`
   * in a run timing every phase, on reads and deletes as slow as the creates.
   */
  during?: 'up' | 'refresh' | 'destroy'
  /** The Pulumi versions compared; default 3.43.1 against 3.44.3 (slowInputs). */
  versions?: { baseline: string; candidate: string }
}

/**
 * The bundled command line on slow creates, sent `signal` once an `up` has creates in
 * flight (or a `refresh` or `destroy` runs), and with `twice` the same again 300 ms
 * later, while they still are.
 */
export async function interruptedCli(
  downloadUrl: string,
  scratch: Scratch,
  signal: 'SIGINT' | 'SIGTERM',
  interruption: Interruption = {}
): Promise<CliScenario> {
  const { twice = false, during = 'up', versions } = interruption
  const toolCache = join(scratch.root, 'tool-cache')
  // The same run as the action's (slowInputs), as command-line flags.
  const flags = slowInputs(scratch, downloadUrl, {
    ...(during === 'up'
      ? {}
      : {
          config: `${SLOW_CREATES}\nreadFactor: 1\ndeleteFactor: 1`,
          phases: 'up, preview, update, refresh, destroy'
        }),
    ...(versions && {
      'baseline-version': versions.baseline,
      'candidate-version': versions.candidate
    })
  })
  const args = ['run', ...Object.entries(flags).flatMap(([name, value]) => [`--${name}`, value])]
  const child = spawn(process.execPath, [BUNDLED_CLI, ...args], {
    env: {
      ...withoutRunnerVariables(process.env),
      RUNNER_TOOL_CACHE: toolCache,
      RUNNER_TEMP: join(scratch.root, 'runner-temp')
    },
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>
  const ended = () => (child.exitCode === null ? undefined : `the run ended:\n${stderr}`)
  try {
    if (during === 'up') await upInFlight(scratch.backendDir, ended)
    else await commandRunning(toolCache, during, ended)
  } catch (error) {
    child.kill('SIGKILL')
    throw error
  }
  const start = performance.now()
  child.kill(signal)
  if (twice) {
    await sleep(300)
    child.kill(signal)
  }
  let emptyMs: number | undefined
  let done = false
  const watch = (async () => {
    while (!done) {
      if (emptyMs === undefined && isEmpty(leftovers(scratch.backendDir))) {
        emptyMs = performance.now() - start
      }
      await sleep(50)
    }
  })()
  const [code, exitSignal] = await exited
  const exitMs = performance.now() - start
  if (emptyMs === undefined && isEmpty(leftovers(scratch.backendDir))) {
    emptyMs = performance.now() - start
  }
  done = true
  await watch
  await simulatorsEnded(toolCache)
  return { code, signal: exitSignal, stderr, exitMs, emptyMs, left: leftovers(scratch.backendDir) }
}
