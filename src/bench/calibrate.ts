import { InputError } from '../core/errors'
import { describeOutcome, runProcess } from './spawn'

const CALIBRATION_WARMUP = 5
const CALIBRATION_RUNS = 50
const CALIBRATION_TIMEOUT_MS = 10_000

/**
 * The mean wall time of `<shell> -c ''`, spawned exactly like a sample: what a
 * shell costs before the user's command starts, subtracted from shell samples as
 * hyperfine does. Stops early when the signal fires; the caller checks it.
 */
export async function measureShellOverhead(
  shellPath: string,
  signal?: AbortSignal,
  runs = CALIBRATION_RUNS
): Promise<number> {
  let total = 0
  let measured = 0
  for (let run = 0; run < CALIBRATION_WARMUP + runs && !signal?.aborted; run++) {
    const outcome = await runProcess(
      { file: shellPath, args: ['-c', ''] },
      { output: 'ignore', timeoutMs: CALIBRATION_TIMEOUT_MS, signal }
    )
    if (outcome.kind === 'aborted') break
    if (outcome.kind !== 'exited' || outcome.exitCode !== 0) {
      const problem = describeOutcome(outcome, CALIBRATION_TIMEOUT_MS)
      throw new InputError(
        `shell "${shellPath}" cannot run an empty command (it ${problem}); set shell to one on PATH (bash, sh, zsh, pwsh) or none`
      )
    }
    if (run >= CALIBRATION_WARMUP) {
      total += outcome.seconds
      measured++
    }
  }
  return measured === 0 ? 0 : total / measured
}
