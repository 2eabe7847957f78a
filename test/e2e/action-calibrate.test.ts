/**
 * The bundled action's `mode: calibrate`: the subject as both groups on this runner,
 * the report in the log and the job summary, a results file `compare` reads, nothing
 * posted and nothing left. The tests run side by side: each has a job of its own, and
 * none posts.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { CalibratedResults } from '../../src/run/calibration-run'
import { ActionHarness, loadResults, workflowCommands } from '../helpers/action-runner'
import { cli } from '../helpers/cli'
import { fixturePath } from '../helpers/experiments'
import { useActionHarness, useServedReleases } from '../helpers/file-setup'
import type { GitHubServer } from '../helpers/github-server'
import type { ReleaseServer } from '../helpers/pulumi-releases'

const TOKEN = 'ghs_e2eCalibrateToken0123456789abcdefAB'

let harness: ActionHarness
let github: GitHubServer
let work: string
let releases: ReleaseServer
useActionHarness(TOKEN, started => {
  harness = started
  github = started.github
})
useServedReleases('ppg-calibrate-e2e-', served => {
  work = served.work
  releases = served.releases
})

function calibration(path: string): CalibratedResults {
  return loadResults(path) as CalibratedResults
}

describe('the bundled action in calibrate mode', { concurrent: true }, () => {
  it('runs a command as both groups and writes what the runner can promise', async () => {
    const job = harness.job({
      mode: 'calibrate',
      'baseline-command': 'sleep 0.01',
      samples: '6',
      warmup: '0',
      threshold: '4%'
    })
    const step = await job.run('index')
    expect(step.exitCode, step.stdout + step.stderr).toBe(0)
    const file = calibration(step.outputs['results-file']!)
    // Every sample ran, in both groups, of the one command.
    expect(file.results.map(result => [result.command, result.times.length])).toEqual([
      ['sleep 0.01', 6],
      ['sleep 0.01', 6]
    ])
    const phase = file.calibration.phases.command!
    expect(phase.samples).toBe(12)
    expect(file.calibration.inputs.threshold).toBe('4%')
    // The same report in the log and the job summary, with the inputs to paste.
    expect(step.stdout).toMatch(/^Calibration of calibrate: the same thing as both groups/m)
    expect(step.stdout).toContain(`  samples: ${file.calibration.inputs.samples}`)
    expect(step.summary).toMatch(/^## Calibration of calibrate/m)
    expect(step.summary).toContain(
      `threshold: 4%\nsamples: ${file.calibration.inputs.samples}\nstatistic: ${file.calibration.inputs.statistic}`
    )
    expect(step.summary).toMatch(/caught in 80% of runs/)
    // It compares nothing: no comment, no verdict output.
    expect(github.requests).toEqual([])
    expect(step.outputs.verdict).toBeUndefined()
    // A results file like a run's.
    const compared = await cli(['compare', step.outputs['results-file']!])
    expect(compared.status, compared.stderr).toBe(0)
  })

  it('calibrates a Pulumi version on its own stacks and removes them', async () => {
    const program = mkdtempSync(join(work, 'program-'))
    cpSync(fixturePath('programs', 'provider-sleep-python'), program, { recursive: true })
    const backend = mkdtempSync(join(work, 'backend-'))
    const job = harness.job({
      mode: 'calibrate',
      program,
      'baseline-version': '3.44.3',
      'pulumi-download-url': releases.url,
      'backend-url': pathToFileURL(backend).href,
      config: 'resources: 10\nlatencyMs: 20',
      phases: 'up, destroy',
      samples: '4',
      warmup: '0'
    })
    const step = await job.run('index')
    expect(step.exitCode, step.stdout + step.stderr).toBe(0)
    const file = calibration(step.outputs['results-file']!)
    expect(Object.keys(file.calibration.phases)).toEqual(['up', 'destroy'])
    expect(file.results.map(result => result.version)).toEqual(Array(4).fill('3.44.3'))
    expect(readdirSync(join(job.toolCache, 'pulumi'))).toEqual(['3.44.3'])
    const stacks = join(backend, '.pulumi', 'stacks')
    expect(existsSync(stacks) ? readdirSync(stacks) : []).toEqual([])
    expect(step.summary).toMatch(/^### up \(8 samples/m)
  })

  it.each([
    [
      { 'baseline-command': 'true', 'candidate-command': 'true' },
      /^candidate-command does not apply to mode calibrate/
    ],
    [
      { 'baseline-command': 'true', 'baseline-version': '3.44.3' },
      /^mode calibrate needs one of baseline-version .* or baseline-command/
    ],
    [{}, /^mode calibrate needs one of/]
  ])('refuses %j in one line before running anything', async (inputs, message) => {
    const step = await harness.job({ mode: 'calibrate', samples: '4', ...inputs }).run('index')
    expect(step.exitCode).toBe(1)
    const errors = workflowCommands(step.stdout, 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(message)
    expect(step.outputs['results-file']).toBeUndefined()
  })
})
