/**
 * Secrets in Pulumi mode, through the bundled action: every `pulumi` call (version,
 * stack init, config set, destroy, up, stack rm) gets the step's environment without
 * the action's own secrets; config values go to `pulumi config set` on stdin, never on
 * its command line; and a Pulumi error line holding PULUMI_ACCESS_TOKEN reaches no
 * output. Each group's `pulumi` is the simulated CLI behind a wrapper that records its
 * environment and arguments.
 */
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useActionHarness } from '../helpers/file-setup'
import { ActionHarness } from '../helpers/action-runner'
import { fixturePath } from '../helpers/experiments'
import type { GitHubServer } from '../helpers/github-server'
import { writeSimBinaryFolder } from '../helpers/pulumi-releases'
import {
  actionOnlySecrets,
  everythingWritten,
  runnerSecretEnv,
  secretValues
} from '../helpers/secrets'

const secrets = secretValues()
const CONFIG_SECRET = `sk-live-${secrets.pulumiAccessToken.slice(4, 28)}`
let harness: ActionHarness
let github: GitHubServer
let work: string

useActionHarness(secrets.githubToken, started => {
  harness = started
  github = started.github
})
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ppg-secrets-pulumi-'))
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

/**
 * A folder holding `pulumi`: a wrapper that appends its arguments and environment to
 * `record`, then runs the simulated CLI of `version`. With `refuseUp` its `up` fails
 * the way Pulumi Cloud refuses a token, printing the token.
 */
async function wrappedPulumi(name: string, version: string, record: string, refuseUp = false) {
  const sim = join(work, `${name}-sim`)
  await writeSimBinaryFolder(sim, { version })
  const folder = join(work, name)
  cpSync(sim, folder, { recursive: true })
  const refuse = refuseUp
    ? `if [ "$1" = up ]; then echo "error: [401] Unauthorized: token $PULUMI_ACCESS_TOKEN is not valid" >&2; exit 255; fi`
    : ''
  writeFileSync(
    join(folder, 'pulumi'),
    [
      '#!/usr/bin/env bash',
      `{ echo "ARGV: $*"; env; } >> '${record}'`,
      refuse,
      `exec node '${join(sim, 'pulumi')}' "$@"`
    ].join('\n')
  )
  chmodSync(join(folder, 'pulumi'), 0o755)
  return folder
}

function program(): string {
  const folder = mkdtempSync(join(work, 'program-'))
  cpSync(fixturePath('programs', 'sleep-python'), folder, { recursive: true })
  return folder
}

describe('secrets in Pulumi mode', () => {
  it("runs every pulumi call without the action's secrets, config on stdin, and redacts", async () => {
    const record = join(work, 'pulumi-calls.txt')
    const inputs = {
      program: program(),
      'baseline-version': await wrappedPulumi('baseline', '3.43.1', record),
      'candidate-version': await wrappedPulumi('candidate', '3.44.3', record, true),
      config: `resources: 3\nlatencyMs: 10\napiKey: ${CONFIG_SECRET}`,
      samples: '3',
      looks: '1'
    }
    const step = await harness.job(inputs, { env: runnerSecretEnv(secrets) }).run('index')
    expect(step.exitCode, step.stdout).toBe(1)

    const calls = readFileSync(record, 'utf8')
    const argv = calls.split('\n').filter(line => line.startsWith('ARGV: '))
    for (const command of ['version', 'stack init', 'config set', 'destroy', 'up', 'stack rm']) {
      expect(
        argv.some(line => line.startsWith(`ARGV: ${command}`)),
        command
      ).toBe(true)
    }
    expect(calls).not.toContain(CONFIG_SECRET)
    expect(calls).not.toMatch(/^(INPUT_|STATE_|ACTIONS_RUNTIME_|ACTIONS_ID_TOKEN_)/m)
    for (const secret of actionOnlySecrets(secrets)) expect(calls).not.toContain(secret)
    expect(calls).toContain(`PULUMI_ACCESS_TOKEN=${secrets.pulumiAccessToken}`)

    const written = everythingWritten(step, github)
    expect(written.resultsFile).toContain('Unauthorized: token')
    for (const [where, text] of Object.entries(written)) {
      for (const secret of [secrets.githubToken, secrets.pulumiAccessToken, secrets.passphrase]) {
        expect(text, where).not.toContain(secret)
      }
    }
    expect(existsSync(record)).toBe(true)
  })
})
