/**
 * The link to the workflow run this process is part of, built from the runner's own
 * variables only; undefined outside GitHub Actions. Report links never come from a
 * results file, which a fork's code may have written (docs/workflows.md, fork pull requests).
 */
export function workflowRunUrl(env: NodeJS.ProcessEnv): string | undefined {
  if (env.GITHUB_ACTIONS !== 'true') return undefined
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = env
  if (!server || !repository || !runId) return undefined
  return `${server}/${repository}/actions/runs/${runId}`
}

/**
 * Whether `url` is a run of the same repository as this job's own run (`ownRunUrl`):
 * a results file may show such a link, since it can only lead into this repository.
 */
export function isRunOfSameRepository(url: string, ownRunUrl: string): boolean {
  const prefix = ownRunUrl.replace(/\d+$/, '')
  return url.startsWith(prefix) && /^\d+$/.test(url.slice(prefix.length))
}
