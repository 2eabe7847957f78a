import { InputError } from '../core/errors/errors'
import { PHASES, isPhase, type Phase } from '../core/phases'

/**
 * `phases` (docs/phases.md): one or more phases, separated by commas, spaces or lines,
 * each once. The order given is the order of the reports; the first is the phase the
 * outputs `ratio`, `p-value`, the means and `samples` describe.
 */
export function parsePhases(input: string, value: string): Phase[] {
  const words = value.split(/[\s,]+/).filter(Boolean)
  const expected = `expected one or more of ${PHASES.join(', ')}, separated by commas, spaces or lines`
  if (words.length === 0) {
    throw new InputError(`${input}: ${JSON.stringify(value)} names no phase; ${expected}`)
  }
  const phases: Phase[] = []
  for (const word of words) {
    if (!isPhase(word)) {
      throw new InputError(`${input}: ${JSON.stringify(word)} is not a phase; ${expected}`)
    }
    if (phases.includes(word)) {
      throw new InputError(
        `${input}: ${JSON.stringify(word)} is listed twice; list each phase once`
      )
    }
    phases.push(word)
  }
  return phases
}
