/**
 * Where the looks fall (docs/how-it-decides.md): one function for the run, its stop
 * rule, `analyse`, `compare` and report mode, so they all look at the same samples.
 */

/** Samples per group at the first look: the fewest for which Welch's test has df ≥ 2. */
const FIRST_LOOK = 3
/** Each look has at least 25% more samples than the one before. */
const GROWTH = 1.25

/** Samples per group analysed at one look. */
export interface LookSize {
  baseline: number
  candidate: number
}

/**
 * Sample counts of the looks of a run of `samples` per group, at most `maxLooks`:
 * 3, then max(n + 1, round(1.25·n)) while at least half a step (×√1.25) short of
 * `samples`, then `samples` itself (20 samples: 3, 4, 5, 6, 8, 10, 13, 16, 20). When that is more
 * than `maxLooks`, the looks grow geometrically from 3 to `samples` in `maxLooks` steps.
 */
function lookCounts(samples: number, maxLooks: number): number[] {
  if (maxLooks <= 1 || samples <= FIRST_LOOK) return [samples]
  const natural: number[] = []
  for (let n = FIRST_LOOK; n * Math.sqrt(GROWTH) <= samples; n = nextLook(n, GROWTH)) {
    natural.push(n)
  }
  if (natural.length < maxLooks) return [...natural, samples]
  const ratio = (samples / FIRST_LOOK) ** (1 / (maxLooks - 1))
  const counts: number[] = []
  for (let k = 0; k < maxLooks - 1; k++) {
    const n = Math.max(Math.round(FIRST_LOOK * ratio ** k), (counts[k - 1] ?? 0) + 1)
    if (n >= samples) break
    counts.push(n)
  }
  return [...counts, samples]
}

function nextLook(n: number, growth: number): number {
  return Math.max(n + 1, Math.round(growth * n))
}

/**
 * The looks for groups of possibly different sizes (files from elsewhere): placed on
 * the smaller group by `lookCounts`, the larger group's count scaled in proportion, so
 * both reach their full size at the last look.
 */
export function placeLooks(
  counts: { baseline: number; candidate: number },
  maxLooks: number
): LookSize[] {
  const smaller = Math.min(counts.baseline, counts.candidate)
  const scaled = (n: number, total: number): number =>
    total === smaller ? n : Math.max(n, Math.round((n * total) / smaller))
  return lookCounts(smaller, maxLooks).map(n => ({
    baseline: scaled(n, counts.baseline),
    candidate: scaled(n, counts.candidate)
  }))
}

/** Information fractions of the looks: the share of the last look's precision, 1/(1/nb + 1/nc). */
export function informationFractions(looks: readonly LookSize[]): number[] {
  const information = (look: LookSize) => 1 / (1 / look.baseline + 1 / look.candidate)
  const last = information(looks[looks.length - 1]!)
  return looks.map(look => information(look) / last)
}
