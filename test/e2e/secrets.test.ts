/**
 * The action's own secrets never reach the commands it runs, and no secret the step knows
 * reaches anything it writes: the bundled action in generic mode, with the variables a
 * runner gives a node action and real-looking token values, every output searched.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { escapeMarkdown } from '../../src/report/escape'
import { ActionHarness, commandInputs, workflowCommands } from '../helpers/action-runner'
import { useActionHarness } from '../helpers/file-setup'
import type { GitHubServer } from '../helpers/github-server'
import {
  actionOnlySecrets,
  everythingWritten,
  runnerSecretEnv,
  secretValues
} from '../helpers/secrets'

const secrets = secretValues()
let harness: ActionHarness
let github: GitHubServer

useActionHarness(secrets.githubToken, started => {
  harness = started
  github = started.github
})

const RECORD_ENV = 'env >> "$RUNNER_TEMP/child-env.txt"'

describe('secrets in generic mode', () => {
  it("keeps the action's own secrets from every command it runs", async () => {
    const inputs = commandInputs(`${RECORD_ENV}; sleep 0.01`, `${RECORD_ENV}; sleep 0.02`, {
      prepare: RECORD_ENV,
      cleanup: RECORD_ENV,
      samples: '3',
      'fail-on': 'never'
    })
    const job = harness.job(inputs, { env: runnerSecretEnv(secrets) })
    const step = await job.run('index')
    expect(step.exitCode, step.stdout).toBe(0)
    const seen = readFileSync(join(job.runnerTemp, 'child-env.txt'), 'utf8')
    // warmup, 3 samples and 4 prepares per group, and the cleanup
    expect(seen.match(/^PATH=/gm)).toHaveLength(2 * (1 + 3) * 2 + 1)
    expect(seen).not.toMatch(/^(INPUT_|STATE_|ACTIONS_RUNTIME_|ACTIONS_ID_TOKEN_)/m)
    expect(seen).not.toMatch(/^GITHUB_(OUTPUT|STATE|STEP_SUMMARY|ENV|PATH)=/m)
    for (const secret of actionOnlySecrets(secrets)) expect(seen).not.toContain(secret)
    // What the user's own commands may need stays: their Pulumi credentials, the runner's context.
    expect(seen).toContain(`PULUMI_ACCESS_TOKEN=${secrets.pulumiAccessToken}`)
    expect(seen).toMatch(/^GITHUB_REPOSITORY=/m)
  })

  it('redacts a Pulumi token a failing command printed from everything the step writes', async () => {
    const leak = `echo "error: [401] token $PULUMI_ACCESS_TOKEN (passphrase $PULUMI_CONFIG_PASSPHRASE) was refused"; exit 1`
    const job = harness.job(commandInputs('sleep 0.01', leak), { env: runnerSecretEnv(secrets) })
    const step = await job.run('index')
    expect(step.exitCode).toBe(1)
    const masks = workflowCommands(step.stdout, 'add-mask')
    expect(masks).toEqual(
      expect.arrayContaining([secrets.githubToken, secrets.pulumiAccessToken, secrets.passphrase])
    )
    const written = everythingWritten(step, github)
    expect(written.resultsFile).toContain('was refused')
    for (const [where, text] of Object.entries(written)) {
      for (const secret of [secrets.githubToken, secrets.pulumiAccessToken, secrets.passphrase]) {
        expect(text, where).not.toContain(secret)
      }
    }
  })

  it('redacts a secret in the text of a command, also where the report escapes it', async () => {
    // `ghs_…` holds an underscore, which the markdown report writes as `&#95;`.
    const command = `echo ${secrets.githubToken} > /dev/null; exit 3`
    const job = harness.job(commandInputs('sleep 0.01', command, { name: secrets.githubToken }), {
      env: runnerSecretEnv(secrets)
    })
    const step = await job.run('index')
    expect(step.exitCode).toBe(1)
    expect(step.summary).toContain('exit 3')
    const written = everythingWritten(step, github)
    for (const [where, text] of Object.entries(written)) {
      for (const form of [secrets.githubToken, escapeMarkdown(secrets.githubToken)]) {
        expect(text, where).not.toContain(form)
      }
    }
  })
})
