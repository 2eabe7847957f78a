import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Path of a file under fixtures/. */
export function fixturePath(...parts: string[]): string {
  return fileURLToPath(new URL(`../../fixtures/${parts.join('/')}`, import.meta.url))
}

interface HyperfineFile {
  results: { command: string; times: number[]; parameters?: Record<string, string> }[]
}

/** The raw times of one group of one of Pulumi's experiments (fixtures/data). */
export function experimentTimes(file: string, group: string): number[] {
  const data = JSON.parse(readFileSync(fixturePath('data', file), 'utf8')) as HyperfineFile
  const result = data.results.find(r => r.parameters?.group === group)
  if (!result) throw new Error(`no group ${group} in ${file}`)
  return result.times
}
