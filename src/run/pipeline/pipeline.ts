import { randomInt } from 'node:crypto'
import { mkdir, mkdtemp } from 'node:fs/promises'
import { setImmediate } from 'node:timers/promises'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { emptyMeasurement, phaseMeasurement } from '../../bench/cycle/cycle-steps'
import { environmentFingerprint } from '../../bench/environment'
import { AbortedBeforeFirstRun, MeasurementStopped } from '../../bench/failures'
import { runBenchmark } from '../../bench/run-benchmark'
import type { RunConfig } from '../../config/run-config'
import { InputError, describeError } from '../../core/errors/errors'
import type { Redact } from '../../core/redact'
import { TOOL_VERSION } from '../../core/version'
import { StackLedger } from '../../teardown/ledger'
import type { PartialResultsFile } from '../../results/build/partial'
import type { ResultsFile } from '../../results/schema'
import { checkResultsPath, ResultsWriteError, writeResults } from '../../results/build/write'
import { analyseFamily, analysePhases } from '../../stats/phases'
import { runLooks } from '../../stats/design/design'
import { planRunDesignInTurns } from '../../stats/run-design'
import { sweepPairs, sweepResultsFile } from '../../results/build/sweep-build'
import { comparisonTimes, runComparisons } from './comparisons'
import { familyStopRule } from '../../stats/decide/stop-rule'
import { tearDownAfterRun } from '../../teardown/after-run'
import { runLogDir } from './log-dir'
import {
  partialRunResults,
  phaseGroupSources,
  phaseSources,
  runPhases,
  runResults,
  sweepSource
} from './phase-results'
import { StacksKept } from '../../teardown/teardown'
import { coldStartWarning } from './cold-start'
import { runDesignCache } from './design-cache'
import { setUpTarget, type PreparedTarget } from './targets'
import type { TeardownPlan } from '../../teardown/plan'
import { encodePlan } from '../../teardown/saved-state'

export interface RunHooks {
  /** One line per sample. */
  progress: (line: string) => void
  info: (line: string) => void
  warn: (line: string) => void
  /** The action saves the stacks (after every change) so its post step can finish them. */
  saveStacks?: (serialized: string) => void
  /** The action saves what else is left to tear down ('' once it is done). */
  saveTeardown?: (serialized: string) => void
  /** Applied to the results file and the logs: no secret the step knows is written into them. */
  redact?: Redact
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

/**
 * How a run ended, for the front ends to report either way (docs/results-file.md): with
 * results (and, if the results file could not be written, why), or with the error that
 * stopped it and the samples measured until then. `kept` names each stack that could
 * not be removed, with what it holds: the run fails on them whatever the verdict
 * (docs/cancellation.md); a run that did not finish has them in `error`.
 */
export type RunOutcome =
  | { finished: true; results: ResultsFile; unwritten?: ResultsWriteError; kept: string[] }
  | { finished: false; error: unknown; partial?: PartialResultsFile }

/**
 * `run` (docs/how-it-decides.md, Results file): check the results path, set up both
 * groups, measure them interleaved with early stopping, analyse, write the results
 * file. Whatever happens, the results measured so far are written before the failure
 * is reported, and the teardown (stacks, the user's `cleanup`) runs, or is left to the
 * action's post step after a cancellation. Never throws: a failure is an outcome.
 */
export async function runPipeline(config: RunConfig, hooks: RunHooks): Promise<RunOutcome> {
  try {
    if (config.ownResultsFolder) await makeOwnFolder(dirname(config.resultsFile))
    await checkResultsPath(config.resultsFile)
    return await measure(config, hooks)
  } catch (error) {
    return { finished: false, error }
  }
}

/**
 * Creates the run's own results folder, readable by its user only. Never one that
 * exists: `mkdir` of the last part fails on anything already there, a link included.
 */
async function makeOwnFolder(folder: string): Promise<void> {
  await mkdir(dirname(folder), { recursive: true })
  await mkdir(folder, { mode: 0o700 })
}

async function measure(config: RunConfig, hooks: RunHooks): Promise<RunOutcome> {
  // A results file that cannot be written is reported, not thrown: the report still goes out.
  const write = (data: unknown) =>
    writeResults(config.resultsFile, data, hooks.redact).then(
      () => undefined,
      (error: unknown) => {
        if (error instanceof ResultsWriteError) return error
        throw error
      }
    )
  const loadBefore = loadavg()
  // The scratch folder holds the default local backend and goes when that is gone.
  const logDir = runLogDir(config.resultsFile)
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
  const savePlan = () => hooks.saveTeardown?.(encodePlan(plan))
  savePlan()
  const ledger = new StackLedger(hooks.saveStacks)
  const environment = () =>
    environmentFingerprint({ tool: TOOL_VERSION, loadBefore, env: hooks.env })
  const phases = runPhases(config)
  const coldStart = coldStartWarning(config)
  const checkStopped = () => {
    if (hooks.signal?.aborted) {
      throw new AbortedBeforeFirstRun(
        'the benchmark was aborted while setting up',
        emptyMeasurement(phases)
      )
    }
  }

  let target: PreparedTarget | undefined
  let results: ResultsFile
  let unwritten: ResultsWriteError | undefined
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
    // What the user should know about the comparison itself: in the log and the results.
    const notes = [...(target.notes ?? []), ...(coldStart === null ? [] : [coldStart])]
    for (const note of notes) hooks.warn(note)
    checkStopped()
    const names = target.groups.map(group => group.name)
    const comparisons = runComparisons(names, phases)
    const timing = config.target.kind === 'pulumi' ? `, timing ${phases.join(', ')}` : ''
    const looks = runLooks(config).length
    const [baseline, ...candidates] = target.groups
    const against =
      candidates.length === 1
        ? `${candidates[0]!.label} (candidate)`
        : `${candidates.map(group => group.label).join(', ')} (${candidates.length} candidates, in balanced rounds)`
    // Said before the design, which takes seconds for settings neither tabled nor cached,
    // computed in turns: a Ctrl-C meanwhile stops it, and the run, before any sample.
    hooks.info(
      `Measuring ${baseline!.label} (baseline) against ${against}: up to ${config.samples} samples each, ${looks} look${looks === 1 ? '' : 's'}${timing}`
    )
    const design = await planRunDesignInTurns(
      config,
      comparisons.length,
      runDesignCache(hooks.env, hooks.info),
      async () => {
        await setImmediate()
        checkStopped()
      }
    )
    checkStopped()
    // The run stops at the first look at which every comparison has a verdict.
    const stop = familyStopRule(
      comparisons.map(() => ({ design, threshold: config.decision.threshold }))
    )
    const measurement = await runBenchmark(
      {
        groups: target.groups,
        ...(target.groups.length > 2 ? { orderSeed: randomInt(2 ** 31) } : {}),
        shell: config.shell,
        warmup: config.warmup,
        samples: config.samples,
        timeoutMs: config.timeoutMs,
        logDir,
        shouldStop: times => stop(comparisonTimes(comparisons, times)),
        onProgress: hooks.progress
      },
      hooks.signal
    )
    const measured = Object.fromEntries(
      phases.map(phase => [phase, phaseMeasurement(measurement, phase).times])
    )
    const extra = { schedule: measurement.schedule, environment: environment() }
    if (target.groups.length === 2) {
      const family = analysePhases(comparisonTimes(comparisons, measured), {
        ...config.decision,
        design
      })
      results = runResults(config, phaseSources(target, measurement, phases), family, extra)
    } else {
      const sweep = sweepSource(config, target, measurement, phases)
      const members = sweepPairs(sweep).map(pair => ({ ...pair, design }))
      const family = analyseFamily(members, config.decision)
      results = sweepResultsFile(config.name, sweep, family, {
        ...extra,
        orderSeed: measurement.orderSeed
      })
    }
    results.comparison.warnings.push(...notes)
    unwritten = await write(results)
  } catch (caught) {
    let error = caught
    let partial: PartialResultsFile | undefined
    if (error instanceof AbortedBeforeFirstRun) {
      // A results file without a sample would read as a run that measured nothing.
      error = new AbortedBeforeFirstRun(
        `stopped before the first sample (${describeError(hooks.signal?.reason)}): nothing was measured, so no results file was written`,
        error.partial
      )
    } else if (error instanceof MeasurementStopped && target !== undefined) {
      const sources = phaseGroupSources(target, error.partial, phases)
      partial = partialRunResults(config, sources, error, {
        schedule: error.partial.schedule,
        environment: environment()
      })
      const problem = await write(partial)
      if (problem) hooks.warn(problem.message)
      else hooks.info(`Results measured so far: ${config.resultsFile}`)
    }
    const report = await tearDownAfterRun(plan, ledger, hooks)
    if (report.kept.length === 0) return { finished: false, error, partial }
    // An input error stays one line; what was kept matters more than its exit status.
    const first = error instanceof InputError ? error.message : describeError(error)
    return { finished: false, error: new StacksKept([first, ...report.kept].join('\n')), partial }
  }
  const report = await tearDownAfterRun(plan, ledger, hooks)
  const teardownNotes = [...report.kept, ...report.warnings]
  if (teardownNotes.length > 0) {
    results.comparison.warnings.push(...teardownNotes)
    unwritten ??= await write(results)
  }
  if (unwritten) results.comparison.warnings.push(`${unwritten.message}.`)
  return { finished: true, results, unwritten, kept: report.kept }
}
