import { BenchmarkError } from '../core/errors'
import type { Measurement } from './types'

/** The run stopped before it finished; `partial` holds what was measured up to then. */
export class MeasurementStopped extends BenchmarkError {
  override name = 'MeasurementStopped'
  constructor(
    message: string,
    readonly partial: Measurement
  ) {
    super(message)
  }
}

/** A sample, warmup run or prepare step failed, was killed or timed out. */
export class SampleFailed extends MeasurementStopped {
  override name = 'SampleFailed'
}

/** The caller's AbortSignal fired (e.g. the job was cancelled). */
export class BenchmarkAborted extends MeasurementStopped {
  override name = 'BenchmarkAborted'
}
