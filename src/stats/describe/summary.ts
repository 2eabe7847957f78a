import { mean, median, min, max, sampleStandardDeviation } from 'simple-statistics'
import { InputError } from '../../core/errors/errors'

export interface GroupSummary {
  n: number
  mean: number
  /** Sample standard deviation (n − 1). */
  stddev: number
  median: number
  min: number
  max: number
}

/** The per-group figures of the report's table. A group needs at least two samples. */
export function summarize(times: readonly number[], group = 'group'): GroupSummary {
  if (times.length < 2) {
    throw new InputError(
      `${group} has ${times.length} sample${times.length === 1 ? '' : 's'}; at least 2 are needed for a standard deviation`
    )
  }
  const values = [...times]
  const lowest = min(values)
  // Constant samples get an exact mean and a zero deviation, not rounding noise
  // that would turn "no difference at all" into a huge t.
  const constant = lowest === max(values)
  return {
    n: values.length,
    mean: constant ? lowest : mean(values),
    stddev: constant ? 0 : sampleStandardDeviation(values),
    median: median(values),
    min: lowest,
    max: max(values)
  }
}
