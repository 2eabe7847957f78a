import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { escapeMarkdown } from '../../src/report/format/escape'
import { cli } from '../helpers/cli'
import { RunFolder } from '../helpers/commands'
import { runLogs, secretValues } from '../helpers/secrets'

describe('run with secrets in its environment', () => {
  it('redacts them from what it prints, the results file and the logs beside it', async () => {
    const secrets = secretValues()
    const run = new RunFolder()
    // Commands inherit the test's environment, so the values are in the command text.
    const leak = `echo "error: token ${secrets.pulumiAccessToken} and ${secrets.githubToken} refused"; exit 1`
    const env = run.env({
      GITHUB_TOKEN: secrets.githubToken,
      PULUMI_ACCESS_TOKEN: secrets.pulumiAccessToken
    })
    const { status, stdout, stderr } = await cli(
      run.args('sleep 0.01', leak, '--samples', '3', '--looks', '1'),
      env
    )
    expect(status).toBe(1)
    expect(stderr).toContain('error: token *** and *** refused')
    const logs = runLogs(run.resultsFile)
    expect(logs['logs/candidate.log']).toContain('error: token *** and *** refused')
    const written = { stdout, stderr, results: readFileSync(run.resultsFile, 'utf8'), ...logs }
    for (const [where, text] of Object.entries(written)) {
      expect(text, where).not.toContain(secrets.pulumiAccessToken)
      expect(text, where).not.toContain(secrets.githubToken)
    }
  })

  it('redacts them from a markdown report, where they are escaped', async () => {
    const secrets = secretValues()
    const run = new RunFolder()
    const args = run.args('true', 'true', '--samples', '3', '--format', 'markdown')
    const { stdout } = await cli(
      [...args, '--name', secrets.githubToken],
      run.env({ GITHUB_TOKEN: secrets.githubToken })
    )
    expect(stdout).toContain('***')
    for (const form of [secrets.githubToken, escapeMarkdown(secrets.githubToken)]) {
      expect(stdout).not.toContain(form)
    }
  })
})
