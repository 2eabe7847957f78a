import { getOctokit } from '@actions/github'
import { DEFAULT_RETRY_POLICY, withRetries, type RetryPolicy } from './retry'

export type GitHubClient = ReturnType<typeof getOctokit>

/** An API client for `token` whose every request retries as `withRetries` decides. */
export function gitHubClient(
  token: string,
  options: { apiUrl?: string; retry?: Partial<RetryPolicy> } = {}
): GitHubClient {
  const baseUrl = options.apiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com'
  const octokit = getOctokit(token, { baseUrl })
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry }
  octokit.hook.wrap('request', (request, requestOptions) =>
    withRetries(async () => request(requestOptions), policy)
  )
  return octokit
}
