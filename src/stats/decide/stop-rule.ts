import { designLevels, type Design } from '../design/design'
import { lookFigures } from '../tests/look-figures'
import { decide, sidedLevels } from './verdict'

/** The samples of one comparison so far, in run order. */
export interface GroupTimes {
  baseline: readonly number[]
  candidate: readonly number[]
}

/** One comparison of a family: its design (alpha/m for a family of m) and threshold. */
export interface StopMember {
  design: Design
  threshold: number
}

/**
 * The early-stopping rule (docs/how-it-decides.md): after a pair of samples, stop when
 * every member of the family has reached a verdict at some planned look the samples
 * have passed (a run with one comparison is a family of one; a run of m phases, m
 * members, each planned at alpha/m). `analyse` later replays each member's looks on
 * the same times and stops it at its first verdict.
 */
export function familyStopRule(
  members: readonly StopMember[]
): (times: readonly GroupTimes[]) => boolean {
  const levels = members.map(member =>
    designLevels(member.design).map(look => sidedLevels(look, member.threshold))
  )
  return times =>
    members.every((member, index) => {
      const { baseline, candidate } = times[index]!
      const looks = member.design.looks
      // A member that reached a verdict at an earlier look keeps it.
      return looks.some(
        (look, k) =>
          k < looks.length - 1 &&
          look.baseline <= baseline.length &&
          look.candidate <= candidate.length &&
          decide(
            lookFigures(baseline, candidate, look, member.threshold, member.design).figures,
            levels[index]![k]!,
            false
          ) !== null
      )
    })
}
