import { MAX_SAMPLES } from '../../core/limits'
import type { DesignChoices } from '../../stats/design/design'
import { STATISTICS, type SpreadFloor, type Statistic } from '../../stats/tests/test-kind'
import type { LookSize } from '../../stats/design/looks'
import type { ParsedFile } from './read'

/**
 * The most looks a replayed design may have (docs/workflows.md): more than a run makes
 * (MAX_LOOKS), for designs from elsewhere; at most MAX_SAMPLES per group, as a run.
 */
const MAX_RECORDED_LOOKS = 64
const MAX_FAMILY = 1_000
const GAMMA_RANGE = 20

export interface RecordedDesign extends DesignChoices {
  looks: LookSize[]
}

/**
 * The sequential design a results file of ours records (`comparison.design`), if it
 * is one this version can replay within sane bounds: strictly growing looks of at
 * least 2 and at most 10,000 samples per group, at most 64 of them, a family size of
 * 1 to 1,000, HSD spending with a finite γ, and the statistic, the spread floor and
 * the fewest samples each test decides at (none recorded: the mean, no floor, every
 * look, as designs were before these existed). The file is untrusted data: its alpha,
 * threshold, α* and levels are never used. No design (a plain hyperfine file): none.
 */
export function recordedDesign(file: ParsedFile): { design?: RecordedDesign; problem?: string } {
  const comparison = field(file.raw, 'comparison')
  const design = field(comparison, 'design')
  if (design === undefined) {
    const looks = field(comparison, 'plannedLooks')
    return typeof looks === 'number' && looks > 1
      ? { problem: `its ${looks} looks are recorded without the design this version replays` }
      : {}
  }
  const looks = field(design, 'looks')
  if (!Array.isArray(looks) || looks.length === 0 || looks.length > MAX_RECORDED_LOOKS) {
    return { problem: `its recorded design needs 1 to ${MAX_RECORDED_LOOKS} looks` }
  }
  const sizes: LookSize[] = []
  for (const look of looks) {
    const size = { baseline: field(look, 'baseline'), candidate: field(look, 'candidate') }
    const previous = sizes[sizes.length - 1] ?? { baseline: 1, candidate: 1 }
    if (
      !isCount(size.baseline, previous.baseline) ||
      !isCount(size.candidate, previous.candidate)
    ) {
      return {
        problem: `its recorded looks must grow from at least 2 to at most ${MAX_SAMPLES.toLocaleString('en-US')} samples per group`
      }
    }
    sizes.push({ baseline: size.baseline, candidate: size.candidate })
  }
  const familySize = field(design, 'familySize') ?? 1
  if (
    !Number.isInteger(familySize) ||
    (familySize as number) < 1 ||
    (familySize as number) > MAX_FAMILY
  ) {
    return { problem: `its recorded family size must be a whole number from 1 to ${MAX_FAMILY}` }
  }
  const gammas = {
    regression: gamma(design, 'regression'),
    equivalence: gamma(design, 'equivalence')
  }
  if (gammas.regression === undefined || gammas.equivalence === undefined) {
    return { problem: 'its recorded spending is not Hwang–Shih–DeCani with a γ from −20 to 20' }
  }
  const fromSamples = {
    regression: fromSamplesOf(design, 'regression'),
    equivalence: fromSamplesOf(design, 'equivalence')
  }
  if (fromSamples.regression === undefined || fromSamples.equivalence === undefined) {
    return { problem: `its recorded fromSamples must be a whole number from 0 to ${MAX_SAMPLES}` }
  }
  const spreadFloor = spreadFloorOf(design)
  if (spreadFloor === undefined) {
    return {
      problem: 'its recorded spread floor needs a share from 0 to 1 and a whole belowSamples'
    }
  }
  const statistic = field(design, 'statistic') ?? 'mean'
  if (!STATISTICS.includes(statistic as Statistic)) {
    return { problem: `its recorded statistic must be one of ${STATISTICS.join(', ')}` }
  }
  const detrend = field(design, 'detrend') ?? false
  if (typeof detrend !== 'boolean') return { problem: 'its recorded detrend is not true or false' }
  return {
    design: {
      looks: sizes,
      familySize: familySize as number,
      gammas: { regression: gammas.regression, equivalence: gammas.equivalence },
      fromSamples: { regression: fromSamples.regression, equivalence: fromSamples.equivalence },
      statistic: statistic as Statistic,
      spreadFloor,
      detrend
    }
  }
}

function isCount(value: unknown, previous: number): value is number {
  return Number.isInteger(value) && (value as number) > previous && (value as number) <= MAX_SAMPLES
}

function gamma(design: unknown, test: string): number | undefined {
  const spending = field(design, test)
  const value = field(spending, 'gamma')
  return field(spending, 'function') === 'hwang-shih-decani' &&
    typeof value === 'number' &&
    Math.abs(value) <= GAMMA_RANGE
    ? value
    : undefined
}

function fromSamplesOf(design: unknown, test: string): number | undefined {
  const value = field(field(design, test), 'fromSamples') ?? 0
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_SAMPLES
    ? (value as number)
    : undefined
}

/** The recorded floor; null when none is recorded; undefined when it is not one. */
function spreadFloorOf(design: unknown): SpreadFloor | null | undefined {
  const floor = field(design, 'spreadFloor') ?? null
  if (floor === null) return null
  const share = field(floor, 'share')
  const belowSamples = field(floor, 'belowSamples')
  return typeof share === 'number' &&
    share >= 0 &&
    share <= 1 &&
    Number.isInteger(belowSamples) &&
    (belowSamples as number) >= 0 &&
    (belowSamples as number) <= MAX_SAMPLES
    ? { share, belowSamples: belowSamples as number }
    : undefined
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[name]
    : undefined
}
