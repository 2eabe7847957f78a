import { BenchmarkError, describeError } from '../core/errors/errors'
import type { Measurement } from './types'

/** The run stopped before it finished; `partial` holds what was measured up to then. */
export class MeasurementStopped extends BenchmarkError {
  override name = 'MeasurementStopped'
  constructor(
    message: string,
    readonly partial: Measurement<string>
  ) {
    super(message)
  }
}

/**
 * A sample, warmup run or prepare step failed, was killed or timed out. The last
 * `logLines` lines of the message quote its log (raw command output), which the public
 * comment leaves out unless asked (withoutLog).
 */
export class SampleFailed extends MeasurementStopped {
  override name = 'SampleFailed'
  constructor(
    message: string,
    partial: Measurement<string>,
    readonly logLines = 0
  ) {
    super(message, partial)
  }
}

/** The error's message without the log lines it quotes, and whether it had any. */
export function withoutLog(error: unknown): { text: string; cut: boolean } {
  const text = describeError(error)
  if (!(error instanceof SampleFailed) || error.logLines === 0) return { text, cut: false }
  return { text: text.split('\n').slice(0, -error.logLines).join('\n'), cut: true }
}

/** The caller's AbortSignal fired (e.g. the job was cancelled). */
export class BenchmarkAborted extends MeasurementStopped {
  override name = 'BenchmarkAborted'
}

/** It fired before any warmup run or sample started: nothing was measured. */
export class AbortedBeforeFirstRun extends BenchmarkAborted {
  override name = 'AbortedBeforeFirstRun'
}
