/**
 * `npm run validate`: the decision rule under simulation (issue 6). For data
 * resampled from Pulumi's raw timings and for synthetic noise (normal, lognormal,
 * heavy tails, linear drift across the run), it prints how often each verdict
 * comes out, the mean samples per group used, for looks = 1 and looks = 4; then
 * the family-wise false-regression rate of ten benchmarks with and without the
 * Holm adjustment. REPS=… sets the repetitions per row (default 4000).
 */
import type { GroupIndex } from '../src/bench/schedule'
import { analyse } from '../src/stats/analyse'
import { planRun } from '../src/stats/design'
import { familyRegressions, regressionPath } from '../src/stats/family'
import { interleavedOrder } from '../src/bench/schedule'
import type { Verdict } from '../src/stats/types'
import { experimentTimes } from '../test/helpers/experiments'
import { Random } from '../test/helpers/random'

const REPS = Number(process.env.REPS ?? 4000)
const SAMPLES = 20
const ALPHA = 0.05
const THRESHOLD = 0.05
const random = new Random(20231028)

type Pair = { baseline: number[]; candidate: number[] }
interface Scenario {
  name: string
  /** The true relative change of the candidate's mean, for the table. */
  change: string
  draw: () => Pair
  looks?: number[]
}

/** A bootstrap resample: `SAMPLES` draws with replacement. */
const resample = (times: number[]) => Array.from({ length: SAMPLES }, () => random.pick(times))

const control = experimentTimes('parallelism-fix.json', 'control')
const fix = experimentTimes('parallelism-fix.json', 'fix')
const python = experimentTimes('ts-vs-py.json', 'control')
const typescript = experimentTimes('ts-vs-py.json', 'ts-control')
const percent = (a: number[], b: number[]) => {
  const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length
  const change = mean(b) / mean(a) - 1
  return `${change >= 0 ? '+' : ''}${(100 * change).toFixed(1)}%`
}

/** Synthetic noise around 60 s with a 5% coefficient of variation (a busy shared runner). */
const MEAN = 60
const CV = 0.05
const noises: Record<string, () => number> = {
  normal: () => random.normal(0, CV),
  lognormal: () => Math.exp(random.normal(0, CV)) - 1,
  // Heavy tails: 1 sample in 20 is 30% slow (another job on the runner).
  'heavy tails': () => random.normal(0, CV) + (random.uniform() < 0.05 ? 0.3 : 0)
}

function synthetic(noise: () => number, slowdown: number): () => Pair {
  return () => ({
    baseline: Array.from({ length: SAMPLES }, () => MEAN * (1 + noise())),
    candidate: Array.from({ length: SAMPLES }, () => MEAN * (1 + slowdown) * (1 + noise()))
  })
}

/**
 * A runner that slows down linearly by `drift` over the run, A/A: samples in our
 * interleaved order (AB, BA, …) or, like the seed's hyperfine runs, all of the
 * baseline first.
 */
function drifting(drift: number, order: 'interleaved' | 'sequential'): () => Pair {
  return () => {
    const slots =
      order === 'interleaved'
        ? interleavedOrder(SAMPLES)
        : [...Array<GroupIndex>(SAMPLES).fill(0), ...Array<GroupIndex>(SAMPLES).fill(1)]
    const pair: Pair = { baseline: [], candidate: [] }
    slots.forEach((group, position) => {
      const time = MEAN * (1 + (drift * position) / slots.length) * (1 + noises.normal!())
      ;(group === 0 ? pair.baseline : pair.candidate).push(time)
    })
    return pair
  }
}

const scenarios: Scenario[] = [
  {
    name: 'Pulumi: control → fix (seed)',
    change: percent(control, fix),
    draw: () => ({ baseline: resample(control), candidate: resample(fix) })
  },
  {
    name: 'Pulumi: fix → control',
    change: percent(fix, control),
    draw: () => ({ baseline: resample(fix), candidate: resample(control) })
  },
  {
    name: 'Pulumi: control A/A',
    change: '0%',
    draw: () => ({ baseline: resample(control), candidate: resample(control) })
  },
  {
    name: 'Pulumi: fix A/A',
    change: '0%',
    draw: () => ({ baseline: resample(fix), candidate: resample(fix) })
  },
  {
    name: 'Pulumi: Python → TypeScript',
    change: percent(python, typescript),
    draw: () => ({ baseline: resample(python), candidate: resample(typescript) })
  },
  ...Object.entries(noises).flatMap(([kind, noise]) =>
    [0, 0.05, 0.1, 0.25].map(slowdown => ({
      name: `${kind}, CV ${100 * CV}%`,
      change: `+${100 * slowdown}%`,
      draw: synthetic(noise, slowdown)
    }))
  ),
  {
    name: 'drift +20% over the run, interleaved',
    change: '0%',
    draw: drifting(0.2, 'interleaved')
  },
  {
    name: 'drift +20% over the run, all baseline first',
    change: '0%',
    draw: drifting(0.2, 'sequential'),
    looks: [1]
  }
]

interface Row {
  rates: Record<Verdict, number>
  samples: number
}

function simulate(scenario: Scenario, looks: number): Row {
  const counts: Record<Verdict, number> = {
    regression: 0,
    improvement: 0,
    unchanged: 0,
    inconclusive: 0
  }
  let samples = 0
  for (let i = 0; i < REPS; i++) {
    const { baseline, candidate } = scenario.draw()
    const { comparison } = analyse(baseline, candidate, {
      alpha: ALPHA,
      threshold: THRESHOLD,
      looks,
      samples: SAMPLES
    })
    counts[comparison.verdict]++
    samples += comparison.samples
  }
  const rate = (n: number) => n / REPS
  return {
    rates: {
      regression: rate(counts.regression),
      improvement: rate(counts.improvement),
      unchanged: rate(counts.unchanged),
      inconclusive: rate(counts.inconclusive)
    },
    samples: samples / REPS
  }
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`
console.log(
  `pulumi-perf-gate decision rule, ${REPS} repetitions per row; alpha ${ALPHA}, threshold ${100 * THRESHOLD}%, up to ${SAMPLES} samples per group`
)
console.log(
  `(${new Date().toISOString().slice(0, 10)}, node ${process.version}, \`npm run validate\`)\n`
)
console.log(
  '| data | true change | looks | regression | improvement | unchanged | inconclusive | mean samples per group |'
)
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const scenario of scenarios) {
  for (const looks of scenario.looks ?? [1, 4]) {
    const { rates, samples } = simulate(scenario, looks)
    console.log(
      `| ${scenario.name} | ${scenario.change} | ${looks} | ${pct(rates.regression)} | ${pct(rates.improvement)} | ${pct(rates.unchanged)} | ${pct(rates.inconclusive)} | ${samples.toFixed(1)} |`
    )
  }
}

/** Ten benchmarks whose true slowdown is exactly the threshold, the worst case of "no regression". */
function familyRate(looks: number, adjusted: boolean): number {
  let any = 0
  const reps = Math.round(REPS / 4)
  for (let i = 0; i < reps; i++) {
    const family = Array.from({ length: 10 }, () => {
      const { baseline, candidate } = synthetic(noises.normal!, THRESHOLD)()
      const { comparison } = analyse(baseline, candidate, {
        alpha: ALPHA,
        threshold: THRESHOLD,
        looks,
        samples: SAMPLES
      })
      const pValues = regressionPath(baseline, candidate, comparison.looks, THRESHOLD)
      const design = planRun({ alpha: ALPHA, samples: SAMPLES, looks })
      return { design, pValues, regression: comparison.verdict === 'regression' }
    })
    const flagged = adjusted
      ? familyRegressions(family, ALPHA).regression.some(Boolean)
      : family.some(b => b.regression)
    if (flagged) any++
  }
  return any / reps
}

console.log(
  '\nFalse regressions over a family of benchmarks, each slower by exactly the threshold (worst case):\n'
)
console.log('| benchmarks | looks | without adjustment | with Holm |')
console.log('| ---: | ---: | ---: | ---: |')
for (const looks of [1, 4]) {
  const one = simulate({ name: '', change: '', draw: synthetic(noises.normal!, THRESHOLD) }, looks)
    .rates.regression
  console.log(`| 1 | ${looks} | ${pct(one)} | ${pct(one)} |`)
  console.log(
    `| 10 | ${looks} | ${pct(familyRate(looks, false))} | ${pct(familyRate(looks, true))} |`
  )
}
