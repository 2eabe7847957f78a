/**
 * What a bisect's report says (docs/bisect.md), format-neutral: the headline, the
 * lines under it, the links (built here from versions that are plain releases, never
 * taken from a file) and a row per step and phase. Pure.
 */
import type { BisectResults, BisectStep } from '../results/bisect'
import { phaseView } from '../results/read/phases'
import type { ResultsFile } from '../results/schema'
import { stableVersion } from '../core/release-version'
import type { Verdict } from '../stats/types'
import { failsCheck, type FailOn } from '../stats/decide/verdict'
import { clip } from './format/escape'
import { formatLevel, formatPercent } from './format/numbers'
import { formatChange, relativeChange, VERDICT_LABEL, type Style } from './model'

const MAX_NAME = 200
const PULUMI_REPOSITORY = 'https://github.com/pulumi/pulumi'

/** The verdict a bisect's check goes by: bad's against good (the confirmation). */
export function bisectVerdict(results: BisectResults): Verdict {
  return results.steps.find(step => step.role === 'confirm')?.verdict ?? 'inconclusive'
}

/** Whether the bisect fails the check: a slowdown confirmed (located or not), or per `fail-on`. */
export function bisectFails(results: BisectResults, failOn: FailOn): boolean {
  return failsCheck(bisectVerdict(results), failOn)
}

/** A link with its text. */
export interface Link {
  text: string
  url: string
}

export interface BisectReport {
  verdict: Verdict
  headline: string
  lines: string[]
  links: Link[]
}

/** The step that measured `index`, if one did. */
function stepAt(results: BisectResults, index: number): BisectStep | undefined {
  return results.steps.find(step => step.index === index)
}

/** The phases in which a step regressed, with the change and its interval in each. */
function regressedPhases(step: BisectStep, style: Style): string[] {
  return comparisons(step.results)
    .filter(({ results }) => results.comparison.verdict === 'regression')
    .map(({ phase, results }) => `${style.name(phase)} ${formatChange(relativeChange(results))}`)
}

/** Each phase of a step's results as a comparison of its own. */
export function comparisons(results: ResultsFile): { phase: string; results: ResultsFile }[] {
  const phases = Object.keys(results.phases ?? {})
  if (phases.length === 0) return [{ phase: 'up', results }]
  return phases.map(phase => ({ phase, results: phaseView(results, phase) }))
}

export function bisectReport(results: BisectResults, style: Style): BisectReport {
  const { bisect } = results
  const name = (index: number) => style.name(clip(bisect.versions[index] ?? '?', MAX_NAME))
  const benchmark = style.name(clip(bisect.benchmark, MAX_NAME))
  const good = name(0)
  const bad = name(bisect.versions.length - 1)
  const verdict = bisectVerdict(results)
  const family = `${bisect.comparisons} comparison${bisect.comparisons === 1 ? '' : 's'} planned, each at ${style.alpha} = ${formatLevel(bisect.comparisonAlpha)} (${style.alpha} = ${formatLevel(bisect.alpha)} split over them), threshold ${formatPercent(bisect.threshold)}`
  const lines = [
    `Bisected ${bisect.versions.length} versions from ${good} (good) to ${bad} (bad), timing ${bisect.phases.join(', ')}: ${family}.`
  ]
  const end = bisect.end
  if (end === undefined) {
    const done = results.steps.length
    return {
      verdict,
      headline: `${benchmark}: the bisect stopped after ${done} step${done === 1 ? '' : 's'}: ${clip(bisect.error ?? 'unknown error', 500)}`,
      lines,
      links: []
    }
  }
  if (end.kind === 'not-confirmed') {
    const confirm = results.steps.find(step => step.role === 'confirm')
    const change = confirm ? formatChange(relativeChange(confirm.results)) : ''
    const what =
      end.verdict === 'inconclusive'
        ? `could not tell whether ${bad} is slower than ${good} (inconclusive, ${change}); nothing was bisected`
        : `${bad} is not slower than ${good} (${VERDICT_LABEL[end.verdict].toLowerCase()}, ${change}): no regression between them`
    return { verdict, headline: `${benchmark}: ${what}`, lines, links: [] }
  }
  const slowStep = stepAt(results, end.slow)
  const change = slowStep ? regressedPhases(slowStep, style).join('; ') : ''
  if (end.kind === 'located') {
    lines.push(
      `Last fast: ${name(end.fast)}. First slow: ${name(end.slow)}, against ${good}: ${change}.`
    )
  } else {
    const at = stepAt(results, end.at)
    lines.push(
      `${name(end.at)} stayed inconclusive against ${good} at ${at?.results.comparison.samples ?? '?'} samples per group (the cap), so the range from ${name(end.fast)} (fast) to ${name(end.slow)} (slow) could not be split further; ${name(end.slow)} against ${good}: ${change}.`
    )
  }
  if (bisect.moreSuspected) {
    lines.push(
      `The range may hold more than one slowdown: the change at ${name(end.slow)} is clearly smaller than ${bad}'s against ${good}. Bisect again from ${name(end.slow)} (good) to ${bad} (bad) to find the next.`
    )
  } else if (end.kind === 'located') {
    lines.push(
      'A bisect finds one release at which the time crossed the threshold; the range may hold smaller changes besides it.'
    )
  }
  const headline =
    end.kind === 'located'
      ? `${benchmark}: ${name(end.slow)} made it slower (last fast: ${name(end.fast)})`
      : `${benchmark}: slower from somewhere after ${name(end.fast)} up to ${name(end.slow)} (range not split)`
  return { verdict, headline, lines, links: releaseLinks(bisect, end.fast, end.slow) }
}

/**
 * Release notes of the first slow release and the source diff from the last fast one,
 * for Pulumi releases only (a listed path has neither).
 */
function releaseLinks(bisect: BisectResults['bisect'], fast: number, slow: number): Link[] {
  if (bisect.source !== 'releases') return []
  const [from, to] = [bisect.versions[fast], bisect.versions[slow]].map(version =>
    stableVersion(version ?? '')
  )
  if (!from || !to) return []
  return [
    { text: `Release notes of v${to}`, url: `${PULUMI_REPOSITORY}/releases/tag/v${to}` },
    { text: `Changes v${from}...v${to}`, url: `${PULUMI_REPOSITORY}/compare/v${from}...v${to}` }
  ]
}

/** The plain cells of each step and phase: step, version, role, phase, verdict, change, samples. */
export function stepRows(results: BisectResults): string[][] {
  return results.steps.flatMap((step, k) =>
    comparisons(step.results).map(({ phase, results: phaseResults }) => [
      String(k + 1),
      clip(step.version, MAX_NAME),
      step.role === 'confirm' ? 'bad, confirm' : 'probe',
      phase,
      VERDICT_LABEL[phaseResults.comparison.verdict],
      formatChange(relativeChange(phaseResults)),
      String(phaseResults.comparison.samples)
    ])
  )
}

export const STEP_HEADER = [
  'Step',
  'Version',
  'Role',
  'Phase',
  'Verdict vs good',
  'Change (CI)',
  'Samples'
]
