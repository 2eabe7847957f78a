import { welchFigures } from './margin-tests'
import { lookLevels, lookSampleSizes } from './spending'
import { summarize } from './summary'
import { decide } from './verdict'

/**
 * The early-stopping rule of the sequential design: after a pair of samples, if
 * the count per group is a look's sample size, stop when that look reaches a
 * verdict. `analyse` later replays the same looks on the same times.
 */
export function lookStopRule(options: {
  alpha: number
  threshold: number
  samples: number
  looks: number
}): (times: { baseline: readonly number[]; candidate: readonly number[] }) => boolean {
  const sizes = lookSampleSizes(options.samples, options.looks)
  const levels = lookLevels(options.alpha, options.samples, options.looks)
  return times => {
    const n = Math.min(times.baseline.length, times.candidate.length)
    const look = sizes.indexOf(n)
    if (look < 0 || look === sizes.length - 1 || n < 2) return false
    const figures = welchFigures(
      summarize(times.baseline),
      summarize(times.candidate),
      options.threshold
    )
    return decide(figures, levels[look]!, false) !== null
  }
}
