/**
 * `npm run validate`, part two: the design on the shapes real CI timings take
 * (docs/validation.md): each shape at a true change of 0, +δ, +2δ and +25%, with the
 * target each row is held to.
 */
import { analyse } from '../src/stats/analyse'
import type { Design } from '../src/stats/design/design'
import type { Verdict } from '../src/stats/types'
import type { Random } from '../test/helpers/random'
import {
  autocorrelated,
  clustered,
  coldFirst,
  drifting,
  independent,
  lognormal,
  normal,
  outliers,
  warmedUp,
  type TimingShape
} from '../test/helpers/timing-shapes'

export interface ShapeSettings {
  alpha: number
  threshold: number
  samples: number
  random: Random
  /** Runs per cell at 0 and +25%; the cells at +δ and +2δ, whose targets are rates near a bound, get 5×. */
  reps: number
}

/** A shape in units of the baseline's mean, and what it is held to beyond the common targets. */
export interface NamedShape {
  name: string
  shape: TimingShape
  /** A known limit docs/validation.md names: why false regressions at +δ exceed alpha here. */
  limit?: string
  /** The least share of runs that must call +2δ a regression. */
  power?: number
}

/** How cold the first sample of a group is with `warmup: 0` (a plugin download, a first start). */
const COLD = 1.2

const NORMAL: NamedShape = { name: 'normal, CV 5%', shape: independent(normal(0.05)) }
const LOGNORMAL: NamedShape = { name: 'lognormal, CV 5%', shape: independent(lognormal(0.05)) }
const OUTLIERS: NamedShape = {
  name: 'outliers: 5% of samples ×1.5–2, CV 5%',
  shape: independent(outliers(0.05, 0.05))
}

/** What the default design is held to. */
export const SHAPES: readonly NamedShape[] = [
  { ...NORMAL, power: 0.86 },
  LOGNORMAL,
  { name: 'lognormal, CV 15%', shape: independent(lognormal(0.15)) },
  OUTLIERS,
  ...[0.02, 0.01, 0.005].map(cv => ({
    name: `clustered: two modes 10% apart, within-mode CV ${100 * cv}%`,
    shape: independent(clustered(cv))
  })),
  {
    name: 'skewed noisier baseline: lognormal CV 15% vs normal CV 5%',
    shape: independent(lognormal(0.15), normal(0.05)),
    limit: 'Welch’s test leans towards regression when the larger, skewed spread is the baseline’s'
  },
  {
    name: `cold first candidate sample (×${COLD}, warmup 0), CV 5%`,
    shape: coldFirst(independent(normal(0.05)), 'candidate', COLD),
    limit: 'a bias, not noise: the candidate’s mean holds a cold run the baseline’s does not'
  },
  {
    name: `cold first sample of both groups (×${COLD}, warmup 0), CV 5%`,
    shape: coldFirst(independent(normal(0.05)), 'both', COLD)
  },
  {
    name: `cold first candidate run (×${COLD}), default warmup 1, CV 5%`,
    shape: warmedUp(coldFirst(independent(normal(0.05)), 'candidate', COLD))
  },
  { name: 'drift +10% over the run, interleaved, CV 5%', shape: drifting(0.1, 0.05) },
  { name: 'AR(1) φ = 0.5 in run order, CV 5%', shape: autocorrelated(0.5, 0.05) }
]

/** What `statistic: trimmed` is for and held to (docs/how-it-decides.md "Statistic"), and what it costs. */
export const TRIMMED_SHAPES: readonly NamedShape[] = [
  NORMAL,
  LOGNORMAL,
  { ...OUTLIERS, power: 0.75 },
  {
    name: 'clustered: two modes 10% apart, within-mode CV 1%',
    shape: independent(clustered(0.01)),
    limit: 'trimming 20% of each group of two modes changes the mix of modes it compares'
  }
]

export interface Target {
  what: string
  ok: boolean
  measured: string
}

export interface ShapeRow {
  shape: string
  change: number
  runs: number
  rates: Record<Verdict, number>
  samples: number
  /** What the row is held to, in words, and whether each holds. */
  targets: Target[]
}

const pct = (x: number) => `${(100 * x).toFixed(2)}%`

/** Every shape at every change, analysed with `design`. */
export function shapeRows(
  shapes: readonly NamedShape[],
  design: Design,
  settings: ShapeSettings
): ShapeRow[] {
  const { threshold } = settings
  const changes = [0, threshold, 2 * threshold, 0.25]
  return shapes.flatMap(named =>
    changes.map(change => {
      const runs =
        change === threshold || change === 2 * threshold ? 5 * settings.reps : settings.reps
      const row = simulateShape(named.shape, change, design, settings, runs)
      return { ...row, shape: named.name, change, targets: targetsOf(row, change, settings, named) }
    })
  )
}

function targetsOf(
  row: Pick<ShapeRow, 'rates' | 'runs'>,
  change: number,
  settings: ShapeSettings,
  { limit, power }: NamedShape
): Target[] {
  const { alpha, threshold } = settings
  if (change === threshold) {
    const bound = alpha + 3 * Math.sqrt((alpha * (1 - alpha)) / row.runs)
    const measured = pct(row.rates.regression)
    return limit === undefined
      ? [
          {
            what: `false regressions at +δ ≤ α + 3 SE = ${pct(bound)}`,
            ok: row.rates.regression <= bound,
            measured
          }
        ]
      : [
          {
            what: `known limit (docs/validation.md), false regressions at +δ: ${limit}`,
            ok: true,
            measured
          }
        ]
  }
  if (change !== 2 * threshold) return []
  const unchanged = row.rates.unchanged <= 0.001
  const targets = [
    {
      what: `unchanged at +2δ ≤ 0.1%${limit !== undefined && !unchanged ? ' (known limit, docs/validation.md)' : ''}`,
      ok: unchanged || limit !== undefined,
      measured: pct(row.rates.unchanged)
    }
  ]
  if (power !== undefined) {
    targets.push({
      what: `power at +2δ ≥ ${(100 * power).toFixed(0)}%`,
      ok: row.rates.regression >= power,
      measured: pct(row.rates.regression)
    })
  }
  return targets
}

function simulateShape(
  shape: TimingShape,
  change: number,
  design: Design,
  settings: ShapeSettings,
  runs: number
): Omit<ShapeRow, 'shape' | 'change' | 'targets'> {
  const counts: Record<Verdict, number> = {
    regression: 0,
    improvement: 0,
    unchanged: 0,
    inconclusive: 0
  }
  let samples = 0
  for (let i = 0; i < runs; i++) {
    const { baseline, candidate } = shape(settings.random, change, settings.samples)
    const { comparison } = analyse(baseline, candidate, {
      alpha: settings.alpha,
      threshold: settings.threshold,
      design
    })
    counts[comparison.verdict]++
    samples += comparison.samples
  }
  const rates = Object.fromEntries(
    Object.entries(counts).map(([verdict, count]) => [verdict, count / runs])
  ) as Record<Verdict, number>
  return { runs, rates, samples: samples / runs }
}

/** The rows as the table of docs/validation.md. */
export function shapeTable(rows: readonly ShapeRow[]): string[] {
  const lines = [
    '| data | true change | runs | regression | unchanged | improvement | inconclusive | mean samples per group | target |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |'
  ]
  for (const row of rows) {
    const r = row.rates
    const target = row.targets.map(({ ok, what }) => `${ok ? 'PASS' : 'FAIL'} ${what}`).join('; ')
    lines.push(
      `| ${row.shape} | +${(100 * row.change).toFixed(0)}% | ${row.runs} | ${pct(r.regression)} | ${pct(r.unchanged)} | ${pct(r.improvement)} | ${pct(r.inconclusive)} | ${row.samples.toFixed(2)} | ${target} |`
    )
  }
  return lines
}
