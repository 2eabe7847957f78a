/**
 * Whether the range may hold more than the one change a bisect located (docs/bisect.md):
 * a bisect finds one place where the time crossed the threshold. When the change found
 * there is clearly smaller than bad's (their intervals do not meet, in a phase in which
 * bad regressed), another release in the range slowed it further.
 */
import type { ResultsFile } from '../../results/schema'
import type { Comparison } from '../../stats/types'
import type { SearchEnd } from '../../results/bisect'

/** What of a step this needs: which version it measured, and its results. */
interface MeasuredStep {
  index: number
  role: 'confirm' | 'probe'
  results: ResultsFile
}

export function moreChangesSuspected(steps: readonly MeasuredStep[], end: SearchEnd): boolean {
  if (end.kind === 'not-confirmed') return false
  const confirm = steps.find(step => step.role === 'confirm')
  const found = steps.find(step => step.role === 'probe' && step.index === end.slow)
  if (confirm === undefined || found === undefined) return false
  return Object.entries(phaseComparisons(confirm.results)).some(([phase, whole]) => {
    const part = phaseComparisons(found.results)[phase]
    if (whole.verdict !== 'regression' || part === undefined) return false
    const [high, low] = [part.ratio.ciHigh, whole.ratio.ciLow]
    return high !== null && low !== null && high < low
  })
}

function phaseComparisons(results: ResultsFile): Record<string, Comparison> {
  return results.phases ?? { up: results.comparison }
}
