import { InputError } from '../../core/errors/errors'
import { meanCpu, type CpuSeconds, type ResourceUsage } from '../resources/resource-usage'
import { describeOutcome, runProcess } from '../process/spawn'

const CALIBRATION_WARMUP = 5
const CALIBRATION_RUNS = 50
const CALIBRATION_TIMEOUT_MS = 10_000

/** What an empty shell command costs: subtracted from every shell sample. */
export interface ShellOverhead {
  seconds: number
  /** Its mean CPU, where the OS tells it. */
  cpu?: CpuSeconds
}

/**
 * The mean wall time (and CPU) of `<shell> -c ''`, spawned exactly like a sample:
 * what a shell costs before the user's command starts, subtracted from shell samples
 * as hyperfine does. Stops early when the signal fires; the caller checks it.
 */
export async function measureShellOverhead(
  shellPath: string,
  signal?: AbortSignal,
  runs = CALIBRATION_RUNS
): Promise<ShellOverhead> {
  let total = 0
  let measured = 0
  const usages: ResourceUsage[] = []
  for (let run = 0; run < CALIBRATION_WARMUP + runs && !signal?.aborted; run++) {
    const outcome = await runProcess(
      { file: shellPath, args: ['-c', ''] },
      { output: 'ignore', timeoutMs: CALIBRATION_TIMEOUT_MS, signal, measureResources: true }
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
      usages.push(outcome.resources ?? {})
    }
  }
  const cpu = meanCpu(usages)
  return { seconds: measured === 0 ? 0 : total / measured, ...(cpu && { cpu }) }
}
