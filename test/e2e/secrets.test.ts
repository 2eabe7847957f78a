/**
 * The action's own secrets never reach the commands it runs, and no secret the step knows
 * reaches anything it writes: the bundled action in generic mode, with the variables a
 * runner gives a node action and real-looking token values, every output searched.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { escapeMarkdown } from '../../src/report/format/escape'
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

describe('secrets the action was never told of', () => {
  const leak = [
    'echo "LOG-$((6 * 7))-LINE key $AWS_SECRET_ACCESS_KEY pw $DB_PASSWORD"',
    'exit 1'
  ].join('; ')
  const env = (extra: Record<string, string>) => ({
    env: {
      ...runnerSecretEnv(secrets),
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY',
      DB_PASSWORD: 'Hunter2-prod-db',
      ...extra
    }
  })

  it('redacts the value of every variable whose name looks secret, and masks it', async () => {
    const job = harness.job(commandInputs('sleep 0.01', leak), env({}))
    const step = await job.run('index')
    expect(step.exitCode).toBe(1)
    expect(workflowCommands(step.stdout, 'add-mask')).toEqual(
      expect.arrayContaining(['wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY', 'Hunter2-prod-db'])
    )
    const written = everythingWritten(step, github)
    expect(written['logs/candidate.log']).toContain('key *** pw ***')
    for (const [where, text] of Object.entries(written)) {
      expect(text, where).not.toContain('wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY')
      expect(text, where).not.toContain('Hunter2-prod-db')
    }
  })

  it("keeps a failed command's log lines out of the comment unless comment-logs is true", async () => {
    const hidden = await harness.job(commandInputs('sleep 0.01', leak), env({})).run('index')
    expect(hidden.summary).toContain('LOG-42-LINE')
    expect(github.comments.at(-1)!.body).not.toContain('LOG-42-LINE')
    expect(github.comments.at(-1)!.body).toContain('comment-logs: true')
    const shown = await harness
      .job(commandInputs('sleep 0.01', leak, { 'comment-logs': 'true' }), env({}))
      .run('index')
    expect(shown.exitCode).toBe(1)
    expect(github.comments.at(-1)!.body).toContain('LOG-42-LINE')
    expect(github.comments.at(-1)!.body).toContain('key *** pw ***')
  })

  it('redacts every config value, also from an input error, which never quotes a line', async () => {
    const inputs = {
      'baseline-version': 'installed',
      program: fileURLToPath(new URL('../../fixtures/programs/sleep-python', import.meta.url)),
      config: 'region: eu-central-1\ndbPassword: Sup3r-s3cret-db\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC'
    }
    const step = await harness.job(inputs, env({})).run('index')
    expect(step.exitCode).toBe(1)
    expect(workflowCommands(step.stdout, 'add-mask')).toEqual(
      expect.arrayContaining(['Sup3r-s3cret-db', 'eu-central-1'])
    )
    expect(workflowCommands(step.stdout, 'error')).toEqual([
      'config: line 3 is not allowed; write one "key: value" per line'
    ])
    for (const [where, text] of Object.entries(everythingWritten(step, github))) {
      expect(text, where).not.toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC')
      expect(text, where).not.toContain('Sup3r-s3cret-db')
    }
  })
})

describe("a command that reads the action's environment from /proc", () => {
  // The path of the step's file command NAME, from the first ancestor that has it.
  const fileOf = (name: string) =>
    `$(p=$PPID; while [ "$p" -gt 1 ]; do f=$(tr '\\0' '\\n' < /proc/$p/environ | sed -n 's/^${name}=//p'); [ -n "$f" ] && { echo "$f"; break; }; p=$(ps -o ppid= -p $p | tr -d ' '); done)`
  const tamper = [
    `echo "INJECTED=1" >> "${fileOf('GITHUB_ENV')}"`,
    `echo "/tmp/injected-bin" >> "${fileOf('GITHUB_PATH')}"`,
    `echo "verdict=improvement" >> "${fileOf('GITHUB_OUTPUT')}"`,
    `echo "teardown=injected" >> "${fileOf('GITHUB_STATE')}"`,
    `echo "injected summary" >> "${fileOf('GITHUB_STEP_SUMMARY')}"`
  ].join('; ')

  it('changes no later step: what it appended to the file commands is cut off, with a warning', async () => {
    const step = await harness
      .job(
        commandInputs('sleep 0.01', `${tamper}; sleep 0.01`, { samples: '2', 'fail-on': 'never' })
      )
      .run('index')
    expect(step.exitCode, step.stdout).toBe(0)
    expect(step.envFile).toBe('')
    expect(step.pathFile).toBe('')
    expect(step.outputs.verdict).not.toBe('improvement')
    expect(step.state.teardown).not.toBe('injected')
    expect(step.summary).not.toContain('injected summary')
    const warnings = workflowCommands(step.stdout, 'warning').join('\n')
    for (const name of ['GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY'])
      expect(warnings).toContain(`a command wrote to ${name}`)
  })
})
