import { open, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { InputError } from '../../core/errors/errors'
import { fileErrorCode } from '../../core/errors/file-errors'
import { MAX_LOOKS, MAX_SAMPLES } from '../../core/limits'
import { isPhase } from '../../core/phases'
import { readResourceFields, type ResourceSource } from '../resources'

/** One result of a hyperfine-format file, checked. */
export interface ParsedResult extends ResourceSource {
  command: string
  times: number[]
  /** null where hyperfine recorded none: the run was killed by a signal. */
  exitCodes: (number | null)[]
  parameters: Record<string, string>
  version?: string
}

/** A hyperfine-format file (ours or hyperfine's own `--export-json`), checked. */
export interface ParsedFile {
  path: string
  benchmark?: string
  results: ParsedResult[]
  /** Our own extra fields, kept when the file is one of ours. */
  raw: Record<string, unknown>
}

/**
 * How much a results file may hold. Files may come from a fork's code (docs/workflows.md,
 * fork pull requests), so they are data to check, never to trust: ours with 10,000 samples
 * per group take about 5 MB, and none nests deeper than 4.
 */
export interface ReadLimits {
  bytes: number
  depth: number
}

export const READ_LIMITS: ReadLimits = { bytes: 32 * 1024 * 1024, depth: 64 }

/** Reads and checks a results file; every problem is one line naming the file. */
export async function readResultsFile(
  path: string,
  limits: ReadLimits = READ_LIMITS
): Promise<ParsedFile> {
  let text: string
  try {
    const { size } = await stat(path)
    if (size > limits.bytes) {
      throw new InputError(
        `${path}: the file holds ${size} bytes; a results file may hold at most ${limits.bytes}`
      )
    }
    text = await readAtMost(path, limits.bytes)
  } catch (error) {
    if (error instanceof InputError) throw error
    throw new InputError(`${path}: cannot read the file (${fileErrorCode(error)})`)
  }
  return parseResults(text, path, limits)
}

/**
 * The file's text, read no further than `bytes`: a device or pipe (`/dev/zero`, a
 * process substitution) has no size to check first, and may never end.
 */
async function readAtMost(path: string, bytes: number): Promise<string> {
  const handle = await open(path, 'r')
  try {
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1024 * 1024, bytes + 1 - total))
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null)
      if (bytesRead === 0) break
      chunks.push(chunk.subarray(0, bytesRead))
      total += bytesRead
      if (total > bytes) {
        throw new InputError(
          `${path}: the file holds more than ${bytes} bytes; a results file may hold at most ${bytes}`
        )
      }
    }
    return Buffer.concat(chunks).toString('utf8')
  } finally {
    await handle.close()
  }
}

export function parseResults(
  text: string,
  path: string,
  limits: ReadLimits = READ_LIMITS
): ParsedFile {
  let data: unknown
  try {
    // Editors on Windows save UTF-8 with a byte-order mark, which JSON.parse refuses.
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new InputError(`${path}: not valid JSON (${(error as Error).message})`)
  }
  if (nestedDeeperThan(data, limits.depth)) {
    throw new InputError(`${path}: nested deeper than ${limits.depth} levels; not a results file`)
  }
  if (!isObject(data) || !Array.isArray(data.results)) {
    throw new InputError(
      `${path}: no "results" array; expected hyperfine's --export-json format or a pulumi-perf-gate results file`
    )
  }
  // Hyperfine writes neither field: a file with one is ours.
  const ours = 'comparison' in data || 'error' in data
  const results = data.results.map((result, index) =>
    parseResult(result, `${path}: results[${index}]`, ours)
  )
  if (isObject(data.comparison)) checkDesign(data.comparison, path, 'comparison')
  // Report mode replays each phase's design too (phase-files.ts).
  if (isObject(data.phases)) {
    for (const [phase, comparison] of Object.entries(data.phases)) {
      if (isPhase(phase) && isObject(comparison)) checkDesign(comparison, path, `phases.${phase}`)
    }
  }
  return {
    path,
    benchmark: typeof data.benchmark === 'string' ? data.benchmark : undefined,
    results,
    raw: data
  }
}

/** Longer than any sample (31 years), short enough that sums and squares stay finite. */
const MAX_TIME = 1e9

function parseResult(value: unknown, where: string, ours: boolean): ParsedResult {
  if (!isObject(value)) throw new InputError(`${where} is not an object`)
  if (!Array.isArray(value.times)) throw new InputError(`${where} has no "times" array`)
  const times = value.times.map((time, index) => {
    if (typeof time !== 'number' || !Number.isFinite(time) || time < 0 || time > MAX_TIME) {
      throw new InputError(
        `${where}.times[${index}] is ${JSON.stringify(time)}; times must be numbers of seconds from 0 to ${MAX_TIME}`
      )
    }
    return time
  })
  const parameters: Record<string, string> = {}
  if (isObject(value.parameters)) {
    for (const [key, parameter] of Object.entries(value.parameters)) {
      parameters[key] = String(parameter)
    }
  }
  return {
    command: typeof value.command === 'string' ? value.command : '',
    times,
    exitCodes: parseExitCodes(value.exit_codes, times.length, where),
    parameters,
    ...(typeof value.version === 'string' ? { version: value.version } : {}),
    ...readResourceFields(value, times.length, ours)
  }
}

/**
 * One exit code per time, an integer or null (killed by a signal, as hyperfine writes);
 * none at all means every run succeeded (files made before hyperfine recorded them).
 * A list of another length cannot say which runs failed, so the file is refused.
 */
function parseExitCodes(value: unknown, count: number, where: string): (number | null)[] {
  if (value === undefined) return Array<number>(count).fill(0)
  if (!Array.isArray(value) || value.length !== count) {
    throw new InputError(
      `${where}.exit_codes must be an array with one exit code per time (${count}), an integer or null each`
    )
  }
  return value.map((code, index) => {
    if (code !== null && !Number.isInteger(code)) {
      throw new InputError(
        `${where}.exit_codes[${index}] is not an exit code; expected an integer or null`
      )
    }
    return code as number | null
  })
}

/**
 * Whether `value` nests arrays and objects deeper than `limit`. Walked with a list
 * rather than by recursion, so no file can exhaust the stack here; once this passes,
 * the recursive JSON.stringify and renderers downstream cannot either.
 */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 1]]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, depth] = next
    if (typeof item !== 'object' || item === null) continue
    if (depth > limit) return true
    for (const child of Object.values(item)) pending.push([child, depth + 1])
  }
  return false
}

/**
 * The design a file of ours records, when it records one, must be one a run could have
 * had: report mode replays it, and a planned 1e9 samples would exhaust memory there.
 */
function checkDesign(comparison: Record<string, unknown>, path: string, where: string): void {
  const { plannedSamples: samples, plannedLooks: looks } = comparison
  const within = (value: unknown, max: number) =>
    Number.isSafeInteger(value) && (value as number) >= 1 && (value as number) <= max
  if (samples !== undefined && !within(samples, MAX_SAMPLES)) {
    throw new InputError(
      `${path}: ${where}.plannedSamples is ${JSON.stringify(samples)}; a run plans 1 to ${MAX_SAMPLES} samples per group`
    )
  }
  const maxLooks = Math.min(MAX_LOOKS, typeof samples === 'number' ? samples : MAX_SAMPLES)
  if (looks !== undefined && !within(looks, maxLooks)) {
    throw new InputError(
      `${path}: ${where}.plannedLooks is ${JSON.stringify(looks)}; a run plans 1 to ${maxLooks} looks`
    )
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The name a result goes by: its `parameters.group`, else its command. */
export function resultName(result: ParsedResult): string {
  return result.parameters.group ?? result.command
}

/** The benchmark name of a file: its `benchmark` field, else its file name. */
export function benchmarkName(file: ParsedFile): string {
  return file.benchmark ?? basename(file.path).replace(/\.json$/i, '')
}
