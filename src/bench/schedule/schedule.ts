import { seededUniform } from '../../core/seeded'

/** Index of a group in `BenchPlan.groups`: 0 is the baseline, then the candidates. */
export type GroupIndex = number

/**
 * The order of the timed samples: counterbalanced pairs AB, BA, AB, BA, … so that
 * a steady drift of the machine (warming up, throttling) adds the same to both
 * groups over every two pairs instead of favouring the group that runs first.
 */
export function interleavedOrder(samplesPerGroup: number): GroupIndex[] {
  const order: GroupIndex[] = []
  for (let pair = 0; pair < samplesPerGroup; pair++) {
    order.push(...(pair % 2 === 0 ? [0, 1] : [1, 0]))
  }
  return order
}

/**
 * The order of the timed samples of `groups` groups in balanced rounds (docs/sweep.md):
 * every group once per round. Two groups take the counterbalanced pairs above. More
 * take blocks of `groups` rounds: a block draws an order of the groups from `seed` and
 * rotates it by one each round, a Latin square, so within every block each group runs
 * first once and at every other position once (a drift within the block adds the same
 * to all), and the groups' neighbours change from block to block.
 */
export function balancedOrder(groups: number, rounds: number, seed: number): GroupIndex[] {
  if (groups === 2) return interleavedOrder(rounds)
  const uniform = seededUniform(seed)
  const order: GroupIndex[] = []
  let block: GroupIndex[] = []
  for (let round = 0; round < rounds; round++) {
    if (round % groups === 0) block = shuffled(groups, uniform)
    const turn = round % groups
    order.push(...block.slice(turn), ...block.slice(0, turn))
  }
  return order
}

/** 0 … n−1 in a random order (Fisher–Yates). */
function shuffled(n: number, uniform: () => number): GroupIndex[] {
  const items = Array.from({ length: n }, (_, index) => index)
  for (let index = n - 1; index > 0; index--) {
    const other = Math.floor(uniform() * (index + 1))
    ;[items[index], items[other]] = [items[other]!, items[index]!]
  }
  return items
}
