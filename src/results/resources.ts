/**
 * The CPU and memory fields of a result (docs/results-file.md), hyperfine's names
 * where hyperfine has them: `user` and `system` (mean seconds, every hyperfine 1.x),
 * `memory_usage_byte` (bytes per sample, hyperfine 1.20), and ours for what hyperfine
 * 1.x never exported per run: `user_times` and `system_times` (seconds per sample,
 * beside `times`). A field is written only when every sample it covers has the
 * figure, so a reader never meets a hole or a mean over some of the samples.
 */
import type { ResourceUsage } from '../bench/resources/resource-usage'

export interface ResourceFields {
  user?: number
  system?: number
  user_times?: number[]
  system_times?: number[]
  memory_usage_byte?: number[]
}

/** What a group brings: per-sample figures, or only the means of a hyperfine file. */
export interface ResourceSource {
  /** Parallel to the group's times. */
  resources?: readonly ResourceUsage[]
  /** `user` and `system` of a file without per-sample CPU, true of all its samples. */
  cpuMeans?: { user: number; system: number }
}

/** The fields for the first `n` samples of a group of `count`. */
export function resourceFields(source: ResourceSource, n: number, count: number): ResourceFields {
  const used = source.resources?.slice(0, n) ?? []
  const series = (pick: (usage: ResourceUsage) => number | undefined): number[] | undefined => {
    const values = used.map(pick)
    return n > 0 && values.length === n && values.every(value => value !== undefined)
      ? values
      : undefined
  }
  const userTimes = series(usage => usage.userSeconds)
  const systemTimes = series(usage => usage.systemSeconds)
  const memory = series(usage => usage.maxRssBytes)
  const fields: ResourceFields = {}
  if (userTimes && systemTimes) {
    fields.user = mean(userTimes)
    fields.system = mean(systemTimes)
    fields.user_times = userTimes
    fields.system_times = systemTimes
  } else if (source.cpuMeans && n === count) {
    fields.user = source.cpuMeans.user
    fields.system = source.cpuMeans.system
  }
  if (memory) fields.memory_usage_byte = memory
  return fields
}

/**
 * The fields of a result read from a file, checked like its times: an array that
 * does not hold one non-negative number per sample is ignored, never an error, since
 * nothing is decided on it. `memory_usage_byte` is read only from our own files:
 * hyperfine 1.20 writes getrusage(RUSAGE_CHILDREN).ru_maxrss there, the largest
 * process it has reaped so far, earlier runs and commands included.
 */
export function readResourceFields(
  result: Record<string, unknown>,
  count: number,
  ours: boolean
): ResourceSource {
  const series = (key: string): number[] | undefined => {
    const value = result[key]
    return Array.isArray(value) && value.length === count && value.every(isAmount)
      ? value
      : undefined
  }
  const userTimes = series('user_times')
  const systemTimes = series('system_times')
  const memory = ours ? series('memory_usage_byte') : undefined
  const source: ResourceSource = {}
  if ((userTimes && systemTimes) || memory) {
    source.resources = Array.from({ length: count }, (_, index) => {
      const usage: ResourceUsage = {}
      if (userTimes && systemTimes) {
        usage.userSeconds = userTimes[index]!
        usage.systemSeconds = systemTimes[index]!
      }
      if (memory) usage.maxRssBytes = memory[index]!
      return usage
    })
  }
  if (!(userTimes && systemTimes) && isAmount(result.user) && isAmount(result.system)) {
    source.cpuMeans = { user: result.user, system: result.system }
  }
  return source
}

function isAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length
}
