/**
 * The bundled action timing several phases (docs/phases.md), with a simulated release
 * whose `destroy` alone got slower: that phase is the regression, the others are not,
 * the step fails and the comment names `destroy`.
 */
import { cpSync, mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ActionHarness, readResults, workflowCommands } from '../helpers/action-runner'
import { useActionHarness, useServedReleases } from '../helpers/file-setup'
import { fixturePath } from '../helpers/experiments'
import { type ReleaseServer } from '../helpers/pulumi-releases'

const TOKEN = 'ghs_e2ePhasesToken0123456789abcdefABCD'

let harness: ActionHarness
let work: string
let releases: ReleaseServer

useActionHarness(TOKEN, started => {
  harness = started
})
useServedReleases(
  'ppg-phases-e2e-',
  served => {
    work = served.work
    releases = served.releases
  },
  // The same build twice, but the second's destroy takes three times as long.
  { releases: [{ version: '3.44.3' }, { version: '3.45.0', phaseFactors: { destroy: 3 } }] }
)

describe('the bundled action timing up, update and destroy', () => {
  it('finds the release whose destroy alone got slower, fails and names destroy', async () => {
    const program = mkdtempSync(join(work, 'program-'))
    cpSync(fixturePath('programs', 'sleep-python'), program, { recursive: true })
    const job = harness.job({
      program,
      'baseline-version': '3.44.3',
      'candidate-version': '3.45.0',
      'pulumi-download-url': releases.url,
      'backend-url': pathToFileURL(mkdtempSync(join(work, 'backend-'))).href,
      phases: 'up, update, destroy',
      // Deletes of 100 ms (300 ms a slower one), 4 at once by the Python dynamic provider;
      // creates of 50 ms and diffs of 2.5 ms.
      config: 'resources: 8\nlatencyMs: 50\ndeleteFactor: 2',
      samples: '6',
      looks: '1'
    })
    const step = await job.run('index')

    expect(step.exitCode, step.stdout + step.stderr).toBe(1)
    const verdicts = JSON.parse(step.outputs.verdicts!) as Record<string, string>
    expect(Object.keys(verdicts)).toEqual(['up', 'update', 'destroy'])
    expect(verdicts.destroy).toBe('regression')
    expect(verdicts.up).not.toBe('regression')
    expect(verdicts.update).not.toBe('regression')
    // The step's verdict, which failed it; the figures are the first listed phase's.
    expect(step.outputs.verdict).toBe('regression')
    const results = readResults(step)
    expect(Number(step.outputs.ratio)).toBe(results.phases!.up!.ratio.value)
    expect(Number(step.outputs['p-value'])).toBe(results.phases!.up!.welch.pRegression)
    expect(step.outputs.samples).toBe('6')
    const errors = workflowCommands(step.stdout, 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^Regression in destroy \(1 of 3 phases\): candidate ran \d+/)

    const [comment] = harness.github.comments
    expect(comment!.body).toMatch(/^## 🔴 Regression in destroy \(1 of 3 phases\)/m)
    expect(comment!.body).toContain('| destroy | 🔴 Regression |')
    expect(comment!.body).toMatch(/^<details open>\n<summary>destroy: 🔴 Regression: /m)
    expect(step.summary).toContain('Regression in destroy')
  })
})
