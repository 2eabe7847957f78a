/**
 * `npm run demo` (README "Quick start") says what it promises: its scenarios, run
 * through the same function as the demo, against the simulated releases on the shipped
 * command line. Each headline and exit status is the one the README describes, and
 * every path the command line printed is still there.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { bisect } from '../../scripts/demo/bisect'
import { runDemo } from '../../scripts/demo/scenario'
import { seed } from '../../scripts/demo/seed'
import { slowerDestroy } from '../../scripts/demo/slower-destroy'

const resultsDir = mkdtempSync(join(tmpdir(), 'demo-test-'))
afterAll(() => rmSync(resultsDir, { recursive: true, force: true }))

/** The numbered list of README "Quick start": what the demo shows, one item a scenario. */
function readmeDemoItems(): string[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
  const quickStart = readme.split('\n## Quick start\n')[1]?.split('\n## ')[0] ?? ''
  return quickStart.split(/^\d+\. /m).slice(1)
}

/** Absolute paths in `text`, not the paths of URLs. */
function absolutePaths(text: string): string[] {
  return [...text.matchAll(/(?<![\w:/.])\/(?:[\w.@+-]+\/)*[\w.@+-]+/g)].map(match => match[0])
}

describe('npm run demo', () => {
  it('leads with the seed’s improvement, then a regression in destroy alone, then a bisect', async () => {
    const outcomes = await runDemo([seed, slowerDestroy, bisect], {
      resultsDir,
      stdout: 'pipe',
      print: () => undefined
    })
    // What the README says of each, whatever the scenarios claim of themselves.
    expect(outcomes.map(({ status, headline }) => ({ status, headline }))).toEqual([
      { status: 0, headline: expect.stringMatching(/^provider-sleep-python: Improvement: /) },
      {
        status: 1,
        headline: expect.stringMatching(/: Regression in destroy \(1 of 2 phases\): candidate ran/)
      },
      {
        status: 1,
        headline: expect.stringMatching(/: 3\.182\.0 made it slower \(last fast: 3\.181\.0\)/)
      }
    ])
    expect(outcomes.flatMap(outcome => outcome.broken)).toEqual([])
    // Read after the demo closed its simulated world: the results files, their logs and
    // the tool cache the command line named.
    const printed = outcomes.flatMap(({ stdout, stderr }) => absolutePaths(stdout + stderr))
    expect(printed).toContain(join(resultsDir, seed.name, 'results.json'))
    expect(printed.filter(path => !existsSync(path))).toEqual([])
  }, 300_000)

  it('is what the README says it shows, scenario by scenario', () => {
    const items = readmeDemoItems()
    expect(items).toHaveLength(3)
    ;[seed, slowerDestroy, bisect].forEach((scenario, index) => {
      const item = items[index]!
      const quoted = [...item.matchAll(/`([^`]+)`/g)].map(match => match[1]!)
      expect(
        quoted.filter(code => scenario.headline.test(code)),
        scenario.name
      ).toHaveLength(1)
      expect(item.match(/exits (\d+)/)?.[1], scenario.name).toBe(String(scenario.status))
    })
  })
})
