/**
 * Who the token comments as, asked of the API, never assumed: only a comment that
 * account wrote is ours to edit (docs/security.md). A user's token answers `GET /user`;
 * an installation token (the job's GITHUB_TOKEN, a GitHub App's) gets 403 there but
 * answers GraphQL's `viewer` with its bot's login (`github-actions[bot]`), the login its
 * REST comments carry.
 */
import type { GitHubClient } from './client'

export interface TokenIdentity {
  login: string
  /** The account id, when the API gave it (`GET /user`). */
  id?: number
}

/** The token's account; throws when GitHub does not say. */
export async function tokenIdentity(octokit: GitHubClient): Promise<TokenIdentity> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated()
    return { login: data.login, id: data.id }
  } catch (error) {
    if ((error as { status?: unknown }).status !== 403) throw error
  }
  const answer = await octokit.graphql<{ viewer?: { login?: unknown } }>(
    'query { viewer { login } }'
  )
  const login = answer.viewer?.login
  if (typeof login === 'string' && login !== '') return { login }
  throw new Error('GitHub named no account for the github-token')
}

/** Whether `author` is the token's own account. Logins are case-insensitive on GitHub. */
export function isOwnAccount(
  author: { login: string; id?: number } | null | undefined,
  identity: TokenIdentity
): boolean {
  if (author === null || author === undefined) return false
  if (identity.id !== undefined && author.id !== undefined) return author.id === identity.id
  return author.login.toLowerCase() === identity.login.toLowerCase()
}
