import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { shellStartSubtracted } from '../../src/stats/describe/shell-start'
import { fixturePath } from '../helpers/experiments'

/** Every result's times in a real hyperfine file (fixtures/hyperfine/README.md). */
const timesIn = (name: string) =>
  (
    JSON.parse(readFileSync(fixturePath('hyperfine', name), 'utf8')) as {
      results: { times: number[] }[]
    }
  ).results.map(result => result.times)

describe('shellStartSubtracted on real hyperfine files', () => {
  it.each([
    'crashing-candidate.json',
    'failed-runs.json',
    'four-commands.json',
    'parameter-scan.json',
    'ten-vs-twenty.json',
    'true-vs-true.json',
    'two-sided-p.json',
    'run-unchanged.json'
  ])('finds no shell in %s (hyperfine -N, or ours with shell: none)', name => {
    for (const times of timesIn(name)) expect(shellStartSubtracted(times)).toBe(false)
  })

  it.each([
    'colon.json',
    'echo.json',
    'main.json',
    'pull-request.json',
    'same-command.json',
    'never-succeeds.json'
  ])('finds the shell subtracted in %s', name => {
    for (const times of timesIn(name)) expect(shellStartSubtracted(times)).toBe(true)
  })
})
