/**
 * The hidden marker that makes our pull-request comment findable on later runs,
 * and the matcher that finds it. Pure.
 */
import { InputError } from '../core/errors'

/** The parts of a GitHub issue comment the matcher reads. */
export interface IssueComment {
  id: number
  body?: string | null
  user?: { login: string } | null
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
 * Our comment for `key`: the first one with the key's exact marker, preferring
 * comments written by `author` (the bot posting them) when it is given, so a
 * marker a person pasted into their own comment is not edited over.
 */
export function findComment<T extends IssueComment>(
  comments: readonly T[],
  key: string,
  author?: string
): T | undefined {
  const ours = comments.filter(comment => hasMarker(comment.body ?? '', key))
  return ours.find(comment => author !== undefined && comment.user?.login === author) ?? ours[0]
}
