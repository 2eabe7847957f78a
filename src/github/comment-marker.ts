/**
 * The hidden marker that makes our pull-request comment findable on later runs,
 * and the matcher that finds it. Pure.
 */
import { InputError } from '../core/errors/errors'
import { isOwnAccount, type TokenIdentity } from './identity'

/** The parts of a GitHub issue comment the matcher reads. */
export interface IssueComment {
  id: number
  body?: string | null
  user?: { login: string; id?: number } | null
}

/**
 * `<!-- pulumi-perf-gate:KEY -->`. The key is percent-encoded so that no key
 * (spaces, `-->`, line breaks) can end the HTML comment early or look like
 * another key's marker.
 */
export function marker(key: string): string {
  const trimmed = key.trim()
  if (trimmed === '') {
    throw new InputError('Invalid comment-key "": it must not be empty')
  }
  return `<!-- pulumi-perf-gate:${encodeURIComponent(trimmed)} -->`
}

/** Whether the body carries exactly this key's marker on a line of its own. */
export function hasMarker(body: string, key: string): boolean {
  const wanted = marker(key)
  return body.split('\n').some(line => line.trim() === wanted)
}

/**
 * Our comment for `key`: the first one with the key's exact marker written by the
 * token's own account. A comment anyone else wrote is never ours, whatever it holds:
 * its author could post the public marker first and edit our verdict afterwards.
 */
export function findComment<T extends IssueComment>(
  comments: readonly T[],
  key: string,
  identity: TokenIdentity
): T | undefined {
  return comments.find(
    comment => isOwnAccount(comment.user, identity) && hasMarker(comment.body ?? '', key)
  )
}
