import { mkdir, mkdtemp } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { BenchmarkAborted, MeasurementStopped } from '../bench/failures'
import { runBenchmark } from '../bench/run-benchmark'
import type { Measurement } from '../bench/types'
import type { RunConfig } from '../config/run-config'
import { environmentFingerprint } from '../bench/environment'
import { resultsFile, type GroupSource } from '../results/build'
import { partialResultsFile } from '../results/partial'
import type { GroupName } from '../bench/types'
import type { ResultsFile } from '../results/schema'
import { analyse } from '../stats/analyse'
import { InputError, describeError } from '../core/errors'
import { TOOL_VERSION } from '../core/version'
import { StackLedger } from '../pulumi/ledger'
import { lookStopRule } from '../stats/stop-rule'
import { StacksKept } from './stacks-kept'
import { setUpTarget, type PreparedTarget } from './targets'
import { tearDownAfterRun } from './end-of-run'
import { serializePlan, type TeardownPlan } from './teardown-plan'
import { writeResults } from '../results/write'

export interface RunHooks {
  /** One line per sample. */
  progress: (line: string) => void
  info: (line: string) => void
  warn: (line: string) => void
  /** The action saves the stacks (after every change) so its post step can finish them. */
  saveStacks?: (serialized: string) => void
  /** The action saves what else is left to tear down ('' once it is done). */
  saveTeardown?: (serialized: string) => void
  /** Stops measuring: a cancellation, or the first Ctrl-C. */
  signal?: AbortSignal
  /** Stops the teardown (no further destroy starts): the action's cancellation, a second Ctrl-C. */
  teardownSignal?: AbortSignal
  /**
   * After `signal`, leave the teardown to the action's post step (the runner kills the
   * main step 10 s after cancelling it) instead of doing it now.
   */
  deferTeardown?: boolean
  env: NodeJS.ProcessEnv
}

/** The results, and the stacks that had to be kept: each line names one (the step fails). */
export interface PipelineOutcome {
  results: ResultsFile
  kept: string[]
}

/**
 * `run` (SPEC §7): set up both groups, measure them interleaved with early stopping,
 * analyse, write the results file. Whatever happens, the results measured so far
 * are written before the failure is reported, and the teardown (stacks, the user's
 * `cleanup`) runs, or is left to the action's post step after a cancellation.
 */
export async function runPipeline(config: RunConfig, hooks: RunHooks): Promise<PipelineOutcome> {
  const loadBefore = loadavg()
  // The logs stay next to the results (users upload them together); the scratch
  // folder holds the default local backend and goes when that is gone.
  const logDir = join(dirname(config.resultsFile), 'logs')
  const temp = hooks.env.RUNNER_TEMP || tmpdir()
  await mkdir(temp, { recursive: true })
  const workDir = await mkdtemp(join(temp, 'pulumi-perf-gate-'))
  const plan: TeardownPlan = {
    resultsDir: dirname(config.resultsFile),
    logDir,
    workDir,
    destroyTimeoutMs: config.timeoutMs,
    ...(config.cleanup === undefined
      ? {}
      : { cleanup: { command: config.cleanup, shell: config.shell, timeoutMs: config.timeoutMs } })
  }
  const savePlan = () => hooks.saveTeardown?.(serializePlan(plan))
  savePlan()
  const ledger = new StackLedger(hooks.saveStacks)
  const environment = () =>
    environmentFingerprint({ tool: TOOL_VERSION, loadBefore, env: hooks.env })
  const checkStopped = () => {
    if (hooks.signal?.aborted) {
      throw new BenchmarkAborted('the benchmark was aborted while setting up', emptyMeasurement())
    }
  }

  let target: PreparedTarget | undefined
  let results: ResultsFile
  try {
    target = await setUpTarget(config, {
      workDir,
      log: hooks.info,
      ledger,
      onOwnBackend: folder => {
        plan.ownBackendDir = folder
        savePlan()
      },
      checkStopped
    })
    hooks.info(
      `Measuring ${target.groups[0].label} (baseline) against ${target.groups[1].label} (candidate): up to ${config.samples} samples each, ${config.looks} look${config.looks === 1 ? '' : 's'}`
    )
    const measurement = await runBenchmark(
      {
        groups: target.groups,
        shell: config.shell,
        warmup: config.warmup,
        samples: config.samples,
        timeoutMs: config.timeoutMs,
        logDir,
        shouldStop: lookStopRule({
          ...config.decision,
          samples: config.samples,
          looks: config.looks
        }),
        onProgress: hooks.progress
      },
      hooks.signal
    )
    const analysis = analyse(measurement.times.baseline, measurement.times.candidate, {
      ...config.decision,
      samples: config.samples,
      looks: config.looks
    })
    results = resultsFile(config.name, groupSources(target, measurement), analysis, {
      schedule: measurement.schedule,
      environment: environment()
    })
    await writeResults(config.resultsFile, results)
  } catch (error) {
    if (error instanceof MeasurementStopped && target !== undefined) {
      await writeResults(
        config.resultsFile,
        partialResultsFile(config, groupSources(target, error.partial), error, {
          schedule: error.partial.schedule,
          environment: environment()
        })
      )
      hooks.info(`Results measured so far: ${config.resultsFile}`)
    }
    const report = await tearDownAfterRun(plan, ledger, hooks)
    if (report.kept.length > 0) {
      // An input error stays one line; what was kept matters more than its exit status.
      const first = error instanceof InputError ? error.message : describeError(error)
      throw new StacksKept([first, ...report.kept].join('\n'))
    }
    throw error
  }
  const report = await tearDownAfterRun(plan, ledger, hooks)
  const notes = [...report.kept, ...report.warnings]
  if (notes.length > 0) {
    results.comparison.warnings.push(...notes)
    await writeResults(config.resultsFile, results)
  }
  return { results, kept: report.kept }
}

function emptyMeasurement(): Measurement {
  return {
    times: { baseline: [], candidate: [] },
    exitCodes: { baseline: [], candidate: [] },
    schedule: [],
    shellOverhead: 0
  }
}

function groupSources(
  target: PreparedTarget,
  measurement: Measurement
): Record<GroupName, GroupSource> {
  const source = (index: 0 | 1): GroupSource => {
    const group = target.groups[index]
    const { command } = group.timed
    return {
      name: group.name,
      command:
        command.kind === 'shell'
          ? command.script
          : [basename(command.file), ...command.args].join(' '),
      times: measurement.times[group.name],
      exitCodes: measurement.exitCodes[group.name],
      ...(target.versions ? { version: target.versions[group.name] } : {})
    }
  }
  return { baseline: source(0), candidate: source(1) }
}
