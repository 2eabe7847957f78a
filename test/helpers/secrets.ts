/**
 * Token-looking values for the tests that check no secret leaks, shaped like the real
 * ones (a GitHub installation token, the runner's JWTs, a Pulumi access token), so a
 * redactor that only knew their shapes would still be caught.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

const hex = (bytes: number) => randomBytes(bytes).toString('hex')
const base64url = (bytes: number) => randomBytes(bytes).toString('base64url')
const jwt = () => `eyJhbGciOiJSUzI1NiJ9.${base64url(90)}.${base64url(64)}`

export function secretValues() {
  return {
    githubToken: `ghs_${base64url(27).replace(/[-_]/g, 'x')}`,
    runtimeToken: jwt(),
    idTokenRequestToken: jwt(),
    idTokenRequestUrl: `https://pipelines.actions.githubusercontent.com/${base64url(30)}/00000000-0000-0000-0000-000000000000/_apis/distributedtask/hubs/Actions/plans/${hex(8)}/jobs/${hex(8)}/idtoken?api-version=2.0`,
    cacheUrl: `https://acghubeus2.actions.githubusercontent.com/${base64url(30)}/`,
    resultsUrl: `https://results-receiver.actions.githubusercontent.com/${hex(6)}/`,
    pulumiAccessToken: `pul-${hex(20)}`,
    passphrase: `correct horse battery staple ${hex(4)}`
  }
}

export type Secrets = ReturnType<typeof secretValues>

/** The runner's variables for a node action, as actions/runner's NodeScriptActionHandler sets them. */
export function runnerSecretEnv(secrets: Secrets): Record<string, string> {
  return {
    ACTIONS_RUNTIME_TOKEN: secrets.runtimeToken,
    ACTIONS_RUNTIME_URL: 'https://pipelines.actions.githubusercontent.com/abc/',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: secrets.idTokenRequestToken,
    ACTIONS_ID_TOKEN_REQUEST_URL: secrets.idTokenRequestUrl,
    ACTIONS_CACHE_URL: secrets.cacheUrl,
    ACTIONS_RESULTS_URL: secrets.resultsUrl,
    PULUMI_ACCESS_TOKEN: secrets.pulumiAccessToken,
    PULUMI_CONFIG_PASSPHRASE: secrets.passphrase
  }
}

/** Values a child process of the action must never see. */
export function actionOnlySecrets(secrets: Secrets): string[] {
  return [
    secrets.githubToken,
    secrets.runtimeToken,
    secrets.idTokenRequestToken,
    secrets.idTokenRequestUrl,
    secrets.cacheUrl,
    secrets.resultsUrl
  ]
}

/** Each log the run left beside its results file (uploaded with it), by name. */
export function runLogs(resultsFile: string): Record<string, string> {
  const dir = join(dirname(resultsFile), 'logs')
  if (!existsSync(dir)) return {}
  return Object.fromEntries(
    readdirSync(dir).map(name => [`logs/${name}`, readFileSync(join(dir, name), 'utf8')])
  )
}

/**
 * Everything a step of the bundled action left for people to read: its log, summary,
 * outputs, results file and the logs beside it, and what it sent to the GitHub API. Mask commands are left
 * out: the runner swallows them, and they are where secret values must appear.
 */
export function everythingWritten(
  step: { stdout: string; stderr: string; summary: string; outputs: Record<string, string> },
  github: { requests: { body: unknown }[]; comments: { body: string }[] }
): Record<string, string> {
  const resultsFile = step.outputs['results-file']
  return {
    stdout: step.stdout
      .split('\n')
      .filter(line => !line.startsWith('::add-mask::'))
      .join('\n'),
    stderr: step.stderr,
    summary: step.summary,
    outputs: JSON.stringify(step.outputs),
    resultsFile: resultsFile && existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '',
    ...(resultsFile ? runLogs(resultsFile) : {}),
    requests: JSON.stringify(github.requests.map(request => request.body)),
    comments: JSON.stringify(github.comments.map(comment => comment.body))
  }
}
