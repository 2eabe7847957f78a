/** Index of a group in `BenchPlan.groups`: 0 is the baseline, 1 the candidate. */
export type GroupIndex = 0 | 1

/**
 * The order of the timed samples: counterbalanced pairs AB, BA, AB, BA, … so that
 * a steady drift of the machine (warming up, throttling) adds the same to both
 * groups over every two pairs instead of favouring the group that runs first.
 */
export function interleavedOrder(samplesPerGroup: number): GroupIndex[] {
  const order: GroupIndex[] = []
  for (let pair = 0; pair < samplesPerGroup; pair++) {
    order.push(...(pair % 2 === 0 ? ([0, 1] as const) : ([1, 0] as const)))
  }
  return order
}
