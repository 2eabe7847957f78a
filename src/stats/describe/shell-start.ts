/**
 * Whether a shell's start-up was subtracted from a group's times. Neither hyperfine's
 * file nor ours says so in a field, but the times do: a process is timed in whole
 * nanoseconds, and the subtracted start-up is a mean of such times, with a fraction of
 * a nanosecond that every corrected time then carries (or a time clamped to 0).
 * `hyperfine -N`, `shell: none` and Pulumi's commands leave every time a positive whole
 * number of nanoseconds. A mean start-up that happens to be whole (about 1 in 500) reads
 * as no shell: the advice it gates is then left out, nothing else.
 */
const TOLERANCE_NS = 1e-3

export function shellStartSubtracted(times: readonly number[]): boolean {
  return times.some(seconds => {
    const nanoseconds = seconds * 1e9
    return !(seconds > 0) || Math.abs(nanoseconds - Math.round(nanoseconds)) > TOLERANCE_NS
  })
}
