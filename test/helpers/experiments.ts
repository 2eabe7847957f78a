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

/**
 * One two-sample case of fixtures/scipy-reference.json as scipy computes it: Welch's test
 * (`ttest_ind(equal_var=False)`) or Yuen's (`trim=0.2`), plain and with the margins.
 */
export interface ScipyCase {
  baseline: number[]
  candidate: number[]
  threshold: number
  t: number
  df: number
  pTwoSided: number
  regression: { t: number; df: number; p: number }
  improvement: { t: number; df: number; p: number }
  pUnchanged: number
}

/** The Yuen cases of fixtures/scipy-reference.json (made by scripts/scipy-reference.py). */
export function yuenReference(): ScipyCase[] {
  const reference = JSON.parse(readFileSync(fixturePath('scipy-reference.json'), 'utf8')) as {
    yuen: ScipyCase[]
  }
  return reference.yuen
}
