/**
 * `bisect` (docs/bisect.md): confirm that `bad` is slower than `good`, then halve the
 * versions between them, each step one ordinary run (`runPipeline`) of `good` against
 * the version in the middle, tested at alpha/m. Each step sets up and tears down its own
 * stacks under the run's rules; installs come from the tool cache after the first.
 * The bisect's own file is rewritten after every step, so a bisect that stops keeps
 * what it measured. Never throws: a failure is an outcome.
 */
import { existsSync, readdirSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { BisectConfig } from '../../config/bisect-config'
import type { RunConfig } from '../../config/run-config'
import { BenchmarkError, describeError } from '../../core/errors/errors'
import { releasesBetween } from '../../pulumi/install/release-index'
import { checkResultsPath, ResultsWriteError, writeResults } from '../../results/build/write'
import { stepVerdict } from '../../results/read/phases'
import type { BisectResults, BisectStep, SearchEnd } from '../../results/bisect'
import {
  comparisonAlpha,
  initialRange,
  narrow,
  nextProbe,
  plannedComparisons,
  type SearchRange
} from './bisect-search'
import { moreChangesSuspected } from './bisect-more'
import { runLogDir } from '../pipeline/log-dir'
import { runPipeline, type RunHooks } from '../pipeline/pipeline'
import { StacksKept } from '../../teardown/teardown'
import type { PartialResultsFile } from '../../results/build/partial'

export type BisectOutcome =
  | { finished: true; results: BisectResults; unwritten?: ResultsWriteError; kept: string[] }
  | {
      finished: false
      error: unknown
      /** The steps that finished, when the versions were known. */
      results?: BisectResults
      /** The step that stopped, as far as it got. */
      partial?: PartialResultsFile
    }

/** Runs the bisect; `hooks` as for a run (progress, state for the post step, signals). */
export async function runBisect(config: BisectConfig, hooks: RunHooks): Promise<BisectOutcome> {
  let results: BisectResults | undefined
  try {
    const { run } = config
    if (run.ownResultsFolder) {
      await mkdir(dirname(dirname(run.resultsFile)), { recursive: true })
      await mkdir(dirname(run.resultsFile), { mode: 0o700 })
    }
    await checkResultsPath(run.resultsFile)
    const versions = await bisectVersions(config, hooks)
    const alpha = comparisonAlpha(run.decision.alpha, versions.length)
    hooks.info(
      `Bisecting ${versions.length} versions from ${versions[0]} (good) to ${versions.at(-1)} (bad): at most ${plannedComparisons(versions.length)} comparisons, each at alpha ${formatAlpha(alpha)}`
    )
    results = {
      bisect: {
        benchmark: run.name,
        source: config.list.kind === 'releases' ? 'releases' : 'list',
        versions,
        phases: run.phases,
        alpha: run.decision.alpha,
        threshold: run.decision.threshold,
        comparisons: plannedComparisons(versions.length),
        comparisonAlpha: alpha
      },
      steps: []
    }
    return await search(config, versions, results, hooks)
  } catch (error) {
    if (results) {
      results.bisect.error = describeError(error)
      await writeResults(config.run.resultsFile, results, hooks.redact).catch(() => undefined)
    }
    return { finished: false, error, results }
  }
}

async function bisectVersions(config: BisectConfig, hooks: RunHooks): Promise<string[]> {
  if (config.list.kind === 'list') return config.list.versions
  const target = config.run.target
  return releasesBetween({
    good: config.list.good,
    bad: config.list.bad,
    downloadUrl: target.kind === 'pulumi' ? target.downloadUrl : '',
    log: hooks.info
  })
}

async function search(
  config: BisectConfig,
  versions: string[],
  results: BisectResults,
  hooks: RunHooks
): Promise<BisectOutcome> {
  // A file that cannot be written is reported, not thrown: the report still goes out.
  const write = () =>
    writeResults(config.run.resultsFile, results, hooks.redact).then(
      () => undefined,
      (problem: unknown) => {
        if (problem instanceof ResultsWriteError) return problem
        throw problem
      }
    )
  const kept: string[] = []
  // Each step one run; a step that does not finish stops the bisect with what it has.
  const measure = async (index: number, role: BisectStep['role']) => {
    const step = results.steps.length + 1
    const version = versions[index]!
    hooks.info(`Step ${step}: ${version} against ${versions[0]} (good)`)
    const stepRun = stepConfig(config.run, version, step, results.bisect.comparisonAlpha)
    await mkdir(dirname(stepRun.resultsFile), { recursive: true })
    const outcome = await runPipeline(stepRun, hooks)
    if (!outcome.finished) return outcome
    kept.push(...outcome.kept)
    const verdict = stepVerdict(outcome.results)
    results.steps.push({
      index,
      version,
      role,
      verdict,
      resultsFile: stepRun.resultsFile,
      results: outcome.results
    })
    hooks.info(`Step ${step}: ${version} is ${verdict} against ${versions[0]}`)
    await write()
    // A stack kept, or a cancel after the samples, ends the bisect here.
    if (outcome.kept.length > 0 || hooks.signal?.aborted) {
      return { finished: false as const, error: stoppedAfterStep(outcome.kept, hooks.signal) }
    }
    return verdict
  }

  const confirmed = await measure(versions.length - 1, 'confirm')
  if (typeof confirmed !== 'string') return stopped(confirmed, results, write)
  let end: SearchEnd
  if (confirmed !== 'regression') {
    end = { kind: 'not-confirmed', verdict: confirmed }
  } else {
    let range: SearchRange = initialRange(versions.length)
    end = { kind: 'located', ...range }
    for (let probe = nextProbe(range); probe !== null; probe = nextProbe(range)) {
      const verdict = await measure(probe, 'probe')
      if (typeof verdict !== 'string') return stopped(verdict, results, write)
      const next = narrow(range, probe, verdict)
      if ('kind' in next) {
        end = next
        break
      }
      range = next
      end = { kind: 'located', ...range }
    }
  }
  results.bisect.end = end
  results.bisect.moreSuspected = moreChangesSuspected(results.steps, end)
  const unwritten = await write()
  return { finished: true, results, unwritten, kept }
}

async function stopped(
  outcome: { error: unknown; partial?: PartialResultsFile },
  results: BisectResults,
  write: () => Promise<unknown>
): Promise<BisectOutcome> {
  results.bisect.error = describeError(outcome.error)
  await write()
  return { finished: false, error: outcome.error, results, partial: outcome.partial }
}

function stoppedAfterStep(kept: string[], signal: AbortSignal | undefined): Error {
  if (kept.length > 0) return new StacksKept(kept.join('\n'))
  return new BisectInterrupted(
    `interrupted (${String((signal?.reason as Error | undefined)?.message ?? 'cancelled')}); the steps so far are in the results`
  )
}

/**
 * A step: good against `version`, in a folder of its own (its results file and logs),
 * on stacks of its own, tested at the bisect's per-comparison alpha.
 */
export function stepConfig(
  template: RunConfig,
  version: string,
  step: number,
  alpha: number
): RunConfig {
  const { target } = template
  if (target.kind !== 'pulumi') throw new Error('bisect compares Pulumi versions')
  return {
    ...template,
    target: {
      ...target,
      candidateVersion: version,
      stackPrefix: `${target.stackPrefix}-s${step}`
    },
    decision: { ...template.decision, alpha },
    resultsFile: join(stepFolder(template.resultsFile, step), 'results.json'),
    ownResultsFolder: false
  }
}

function stepFolder(resultsFile: string, step: number): string {
  return join(dirname(resultsFile), `step-${step}`)
}

/**
 * The logs of the step that runs last (or ran last) beside the bisect's `resultsFile`:
 * earlier steps redacted theirs as they tore down.
 */
export function latestStepLogDir(resultsFile: string): string {
  const entries = existsSync(dirname(resultsFile))
    ? readdirSync(dirname(resultsFile), { withFileTypes: true })
    : []
  const steps = entries.flatMap(entry => {
    const match = entry.isDirectory() ? /^step-(\d+)$/.exec(entry.name) : null
    return match ? [Number(match[1])] : []
  })
  return runLogDir(join(stepFolder(resultsFile, Math.max(1, ...steps)), 'results.json'))
}

function formatAlpha(alpha: number): string {
  return String(Number(alpha.toPrecision(3)))
}

/** A cancel or Ctrl-C between steps. */
export class BisectInterrupted extends BenchmarkError {
  override name = 'BisectInterrupted'
}
