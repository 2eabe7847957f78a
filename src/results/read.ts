import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { InputError } from '../core/errors'

/** One result of a hyperfine-format file, checked. */
export interface ParsedResult {
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

/** Reads and checks a results file; every problem is one line naming the file. */
export async function readResultsFile(path: string): Promise<ParsedFile> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError(`${path}: cannot read the file (${code ?? String(error)})`)
  }
  return parseResults(text, path)
}

export function parseResults(text: string, path: string): ParsedFile {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new InputError(`${path}: not valid JSON (${(error as Error).message})`)
  }
  if (!isObject(data) || !Array.isArray(data.results)) {
    throw new InputError(
      `${path}: no "results" array; expected hyperfine's --export-json format or a pulumi-perf-gate results file`
    )
  }
  const results = data.results.map((result, index) =>
    parseResult(result, `${path}: results[${index}]`)
  )
  return {
    path,
    benchmark: typeof data.benchmark === 'string' ? data.benchmark : undefined,
    results,
    raw: data
  }
}

function parseResult(value: unknown, where: string): ParsedResult {
  if (!isObject(value)) throw new InputError(`${where} is not an object`)
  if (!Array.isArray(value.times)) throw new InputError(`${where} has no "times" array`)
  const times = value.times.map((time, index) => {
    if (typeof time !== 'number' || !Number.isFinite(time) || time < 0) {
      throw new InputError(
        `${where}.times[${index}] is ${JSON.stringify(time)}; times must be non-negative numbers of seconds`
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
  const exitCodes = Array.isArray(value.exit_codes)
    ? value.exit_codes.map(code => (typeof code === 'number' ? code : null))
    : times.map(() => 0)
  return {
    command: typeof value.command === 'string' ? value.command : '',
    times,
    exitCodes,
    parameters,
    ...(typeof value.version === 'string' ? { version: value.version } : {})
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
