import { phaseNames, phaseView, stepVerdict } from '../results/read/phases'
import type { ResultsFile } from '../results/schema'
import { familyHeadline } from './family-model'
import { formatPercent } from './format/numbers'
import { comparisonHeadline, PLAIN_STYLE, VERDICT_LABEL, type Style } from './model'
import { sweepHeadline } from './sweep-model'

/**
 * The verdict in one line without markup, e.g. for `core.setFailed`: of the one
 * comparison, of a sweep's candidates (docs/sweep.md), or of the step over a run's phases
 * (docs/phases.md), naming the phases
 * that decided it, with the figures of the one phase when one alone regressed or improved.
 */
export function headline(results: ResultsFile, style: Style = PLAIN_STYLE): string {
  if (results.sweep !== undefined) return sweepHeadline(results, style)
  const phases = phaseNames(results)
  if (phases.length === 0) return comparisonHeadline(results, style)
  const verdict = stepVerdict(results)
  const matching = phases.filter(phase => results.phases?.[phase]?.verdict === verdict)
  const [only] = matching
  if (matching.length === 1 && (verdict === 'regression' || verdict === 'improvement')) {
    const label = VERDICT_LABEL[verdict]
    // The phase's own headline, "Regression: candidate ran …", after the phase's name.
    const figures = comparisonHeadline(phaseView(results, only!), style).slice(label.length + 2)
    return `${label} in ${style.name(only!)} (1 of ${phases.length} phases): ${figures}`
  }
  return familyHeadline({
    verdict,
    matching: matching.length,
    total: phases.length,
    noun: 'phase',
    names: matching.map(phase => style.name(phase)).join(', '),
    within: `within ±${formatPercent(results.comparison.threshold)}`
  })
}
