/**
 * `npm run validate`: the decision rule under simulation, the figures of
 * docs/validation.md. For data resampled from Pulumi's raw timings and for synthetic noise
 * (normal, lognormal, heavy tails, linear drift across the run) it prints how often
 * each verdict comes out and the mean samples per group used, for the default design
 * and for a fixed sample size; the false-regression rate at +δ for several variance
 * ratios; families of ten benchmarks; the five phases of one run; a sweep of four
 * candidates against one baseline; and the targets of
 * the design with PASS/FAIL.
 * REPS=… sets the repetitions per row (default 4000; families get a quarter).
 */
import type { GroupIndex } from '../src/bench/schedule/schedule'
import { interleavedOrder } from '../src/bench/schedule/schedule'
import { analyse } from '../src/stats/analyse'
import { planRun, type Design } from '../src/stats/design/design'
import { familyRegressions, regressionPath } from '../src/stats/decide/family'
import type { Verdict } from '../src/stats/types'
import { experimentTimes } from '../test/helpers/experiments'
import { Random } from '../test/helpers/random'
import { simulatePhaseRun } from '../test/helpers/phase-runs'
import { simulateSweep } from '../test/helpers/sweep-runs'
import { planPhases } from '../src/stats/phases'
import { overallVerdict } from '../src/stats/decide/verdict'
import { SHAPES, shapeRows, shapeTable, TRIMMED_SHAPES } from './validate-shapes'

const REPS = Number(process.env.REPS ?? 4000)
const FAMILIES = Math.round(REPS / 4)
const SAMPLES = 20
const ALPHA = 0.05
const THRESHOLD = 0.05
const random = new Random(20231028)
const DESIGNS: Record<string, Design> = {
  default: planRun({ alpha: ALPHA, samples: SAMPLES, looks: 10 }),
  fixed: planRun({ alpha: ALPHA, samples: SAMPLES, looks: 1 }),
  detrend: planRun({ alpha: ALPHA, samples: SAMPLES, looks: 10, detrend: true })
}
const LOOKS_LABEL: Record<string, string> = {
  default: 'up to 9',
  fixed: '1',
  detrend: 'up to 9, detrend'
}

type Pair = { baseline: number[]; candidate: number[] }
interface Scenario {
  name: string
  change: string
  draw: () => Pair
  designs?: string[]
}

const resample = (times: number[]) => Array.from({ length: SAMPLES }, () => random.pick(times))
const control = experimentTimes('parallelism-fix.json', 'control')
const fix = experimentTimes('parallelism-fix.json', 'fix')
const python = experimentTimes('ts-vs-py.json', 'control')
const typescript = experimentTimes('ts-vs-py.json', 'ts-control')
const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length
const percent = (a: number[], b: number[]) => signed(mean(b) / mean(a) - 1)
const signed = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}%`

/** Synthetic noise around 60 s. */
const MEAN = 60

/** Both groups normal with coefficient of variation `cv`; the candidate's variance `ratio` times. */
function synthetic(_kind: 'normal', cv: number, slowdown: number, ratio = 1): () => Pair {
  return () => ({
    baseline: Array.from({ length: SAMPLES }, () => MEAN * random.normal(1, cv)),
    candidate: Array.from(
      { length: SAMPLES },
      () => MEAN * (1 + slowdown) * random.normal(1, Math.sqrt(ratio) * cv)
    )
  })
}

/** A runner that slows down linearly by `drift` over the run, A/A. */
function drifting(drift: number, order: 'interleaved' | 'sequential'): () => Pair {
  return () => {
    const slots =
      order === 'interleaved'
        ? interleavedOrder(SAMPLES)
        : [...Array<GroupIndex>(SAMPLES).fill(0), ...Array<GroupIndex>(SAMPLES).fill(1)]
    const pair: Pair = { baseline: [], candidate: [] }
    slots.forEach((group, position) => {
      const time = MEAN * (1 + (drift * position) / slots.length) * random.normal(1, 0.05)
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
  { name: 'normal, CV 2%', change: '0%', draw: synthetic('normal', 0.02, 0) },
  ...[0, 0.05, 0.1, 0.25].map(slowdown => ({
    name: 'normal, CV 5%',
    change: `+${100 * slowdown}%`,
    draw: synthetic('normal', 0.05, slowdown)
  })),
  {
    name: 'drift +20% over the run, interleaved',
    change: '0%',
    draw: drifting(0.2, 'interleaved'),
    designs: ['default', 'fixed', 'detrend']
  },
  {
    name: 'normal, CV 5%, no drift',
    change: '+0%',
    draw: synthetic('normal', 0.05, 0),
    designs: ['detrend']
  },
  {
    name: 'normal, CV 5%, no drift',
    change: '+10%',
    draw: synthetic('normal', 0.05, 0.1),
    designs: ['detrend']
  },
  {
    name: 'drift +20% over the run, all baseline first',
    change: '0%',
    draw: drifting(0.2, 'sequential'),
    designs: ['default']
  }
]

interface Row {
  rates: Record<Verdict, number>
  samples: number
  /** `unchanged` verdicts whose ratio interval is not inside (1 − δ, 1 + δ). */
  outside: number
}

function simulate(draw: () => Pair, design: Design, reps = REPS): Row {
  const counts: Record<Verdict, number> = {
    regression: 0,
    improvement: 0,
    unchanged: 0,
    inconclusive: 0
  }
  let samples = 0
  let outside = 0
  for (let i = 0; i < reps; i++) {
    const { baseline, candidate } = draw()
    const { comparison } = analyse(baseline, candidate, {
      alpha: ALPHA,
      threshold: THRESHOLD,
      design
    })
    counts[comparison.verdict]++
    samples += comparison.samples
    const { ciLow, ciHigh } = comparison.ratio
    if (
      comparison.verdict === 'unchanged' &&
      !(ciLow! > 1 - THRESHOLD && ciHigh !== null && ciHigh < 1 + THRESHOLD)
    )
      outside++
  }
  const rates = Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, n / reps])) as Record<
    Verdict,
    number
  >
  return { rates, samples: samples / reps, outside }
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`
const targets: [string, boolean, string][] = []
const target = (what: string, ok: boolean, measured: string) => targets.push([what, ok, measured])

console.log(
  `pulumi-perf-gate decision rule, ${REPS} repetitions per row; alpha ${ALPHA}, threshold ${100 * THRESHOLD}%, up to ${SAMPLES} samples per group`
)
console.log(
  `(${new Date().toISOString().slice(0, 10)}, node ${process.version}, \`npm run validate\`)`
)
const design = DESIGNS.default!
console.log(
  `Default design: looks at ${design.looks.map(look => look.baseline).join(', ')}; HSD γ ${design.regression.gamma} (regression, improvement) spending α* = ${design.regression.alphaStar.toPrecision(4)}, γ ${design.equivalence.gamma} (each side of unchanged) spending α* = ${design.equivalence.alphaStar.toPrecision(4)}\n`
)
console.log(
  '| data | true change | looks | regression | improvement | unchanged | inconclusive | mean samples per group |'
)
console.log('| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |')
let unchangedTotal = 0
let outsideTotal = 0
for (const scenario of scenarios) {
  for (const name of scenario.designs ?? ['default', 'fixed']) {
    const row = simulate(scenario.draw, DESIGNS[name]!)
    unchangedTotal += Math.round(row.rates.unchanged * REPS)
    outsideTotal += row.outside
    const r = row.rates
    console.log(
      `| ${scenario.name} | ${scenario.change} | ${LOOKS_LABEL[name]} | ${pct(r.regression)} | ${pct(r.improvement)} | ${pct(r.unchanged)} | ${pct(r.inconclusive)} | ${row.samples.toFixed(1)} |`
    )
    if (name !== 'default') continue
    if (scenario.name.endsWith('(seed)'))
      target('seed 3×: samples per group ≤ 3.0', row.samples <= 3.0, row.samples.toFixed(2))
    if (scenario.name === 'normal, CV 2%')
      target(
        'A/A at CV 2%: samples per group ≤ 6.5 (SPEC §6; issue 20 asked 6.0, which the +2δ bound on clustered data rules out: docs/validation.md)',
        row.samples <= 6.5,
        row.samples.toFixed(2)
      )
    if (scenario.name === 'normal, CV 5%' && scenario.change === '+25%')
      target('+25% at CV 5%: samples per group ≤ 5', row.samples <= 5, row.samples.toFixed(2))
    if (scenario.name === 'normal, CV 5%' && scenario.change === '+10%')
      target('power at +10%, CV 5% ≥ 86%', r.regression >= 0.86, pct(r.regression))
  }
}

// Its own seeded source, so the sections after it draw what they drew before it existed.
const shapeSettings = {
  alpha: ALPHA,
  threshold: THRESHOLD,
  samples: SAMPLES,
  random: new Random(20261207),
  reps: REPS
}
const trimmedDesign = planRun({ alpha: ALPHA, samples: SAMPLES, looks: 10, statistic: 'trimmed' })
const shapeDesigns = [
  { label: 'default', shapes: SHAPES, design },
  {
    label: `statistic: trimmed (Yuen, 20%; HSD γ ${trimmedDesign.regression.gamma} spending α* = ${trimmedDesign.regression.alphaStar.toPrecision(4)}, unchanged α* = ${trimmedDesign.equivalence.alphaStar.toPrecision(4)})`,
    shapes: TRIMMED_SHAPES,
    design: trimmedDesign
  }
]
for (const { label, shapes, design: shapeDesign } of shapeDesigns) {
  console.log(
    `\nThe ${label} design on the shapes real CI timings take (true change 0, +δ, +2δ, +25%; ${REPS} runs per cell, ${5 * REPS} at +δ and +2δ):\n`
  )
  const rows = shapeRows(shapes, shapeDesign, shapeSettings)
  console.log(shapeTable(rows).join('\n'))
  const name = label.split(' (')[0]
  for (const row of rows) {
    for (const { what, ok, measured } of row.targets)
      target(`${name}, ${row.shape}: ${what}`, ok, measured)
  }
}

target(
  'every unchanged verdict’s ratio interval inside ±δ',
  outsideTotal === 0,
  `${outsideTotal} of ${unchangedTotal} outside`
)

// False regressions at the boundary of H0, for unequal variances (the calibration's worst cases).
const boundaryReps = 5 * REPS
const se = Math.sqrt((ALPHA * (1 - ALPHA)) / boundaryReps)
console.log(
  `\nFalse regressions at a true slowdown of exactly the threshold, normal, CV 5%, ${boundaryReps} repetitions (limit alpha + 3 SE = ${pct(ALPHA + 3 * se)}):\n`
)
console.log('| candidate variance / baseline variance | looks | false regressions |')
console.log('| ---: | --- | ---: |')
for (const [label, ratio] of [
  ['1/3', 1 / 3],
  ['1', 1],
  ['3', 3]
] as const) {
  const rate = simulate(synthetic('normal', 0.05, THRESHOLD, ratio), design, boundaryReps).rates
    .regression
  console.log(`| ${label} | up to 9 | ${pct(rate)} |`)
  target(
    `false regressions at +δ, variance ratio ${label} ≤ α + 3 SE`,
    rate <= ALPHA + 3 * se,
    pct(rate)
  )
}

/** Ten benchmarks: the first slowed by `first` (or the seed's 3×), the others by `rest`. */
function family(first: number | 'seed', rest: number, familySize: number) {
  const familyDesign = planRun({ alpha: ALPHA, samples: SAMPLES, looks: 10, familySize })
  let flagged = 0
  let anyFalse = 0
  for (let i = 0; i < FAMILIES; i++) {
    const members = Array.from({ length: 10 }, (_, index) => {
      const pair =
        index === 0 && first === 'seed'
          ? { baseline: resample(fix), candidate: resample(control) }
          : synthetic('normal', 0.05, index === 0 ? (first as number) : rest)()
      const { comparison } = analyse(pair.baseline, pair.candidate, {
        alpha: ALPHA,
        threshold: THRESHOLD,
        design: familyDesign
      })
      return {
        design: familyDesign,
        pValues: regressionPath(
          pair.baseline,
          pair.candidate,
          comparison.looks,
          THRESHOLD,
          familyDesign
        )
      }
    })
    const { regression } = familyRegressions(members, ALPHA)
    if (regression[0]) flagged++
    if (regression.slice(first === rest ? 0 : 1).some(Boolean)) anyFalse++
  }
  return { flagged: flagged / FAMILIES, anyFalse: anyFalse / FAMILIES }
}

console.log(
  `\nTen benchmarks judged together (mode: report, Holm over stage-wise p-values), normal, CV 5%, ${FAMILIES} families:\n`
)
console.log(
  '| benchmarks | runs declare | first benchmark flagged | any of the rest falsely flagged |'
)
console.log('| --- | --- | ---: | ---: |')
for (const [label, first, rest] of [
  ['one +25%, nine unchanged', 0.25, 0],
  ['one 3× (Pulumi fix → control), nine unchanged', 'seed', 0],
  ['all ten at +δ', THRESHOLD, THRESHOLD]
] as const) {
  for (const m of [10, 1]) {
    const { flagged, anyFalse } = family(first, rest, m)
    const falseColumn = first === rest ? `${pct(anyFalse)} (any of the ten)` : pct(anyFalse)
    console.log(
      `| ${label} | ${m === 10 ? 'family-size 10' : 'nothing (alone)'} | ${first === rest ? '-' : pct(flagged)} | ${falseColumn} |`
    )
    if (m === 10 && first === 0.25)
      target('ten benchmarks, one +25%: flagged ≥ 99%', flagged >= 0.99, pct(flagged))
    if (m === 10 && first === rest)
      target('all ten at +δ: any false regression ≤ α', anyFalse <= ALPHA, pct(anyFalse))
  }
}

/**
 * Five phases of one run (docs/phases.md), each CV 5% and slowed by its own change:
 * planned as one family (alpha/5 each, the run's design), each alone at alpha with the
 * family's Holm over stage-wise p-values afterwards, or each alone with no adjustment.
 */
function phaseRuns(changes: readonly number[], how: 'family' | 'holm' | 'none', runs: number) {
  const plan = { alpha: ALPHA, samples: SAMPLES, looks: 10 }
  const phaseDesign = how === 'family' ? planPhases({ ...plan, phases: changes.length }) : design
  const options = { alpha: ALPHA, threshold: THRESHOLD, design: phaseDesign }
  let anyFalse = 0
  let flagged = 0
  let step = 0
  let samples = 0
  for (let i = 0; i < runs; i++) {
    const phases = changes.map(change => synthetic('normal', 0.05, change)())
    const run = simulatePhaseRun(phases, options)
    // Report mode's Holm: a regression stands only if its adjusted p is below alpha.
    const verdicts = run.analyses.map(({ comparison }, index) =>
      how === 'holm' && comparison.verdict === 'regression' && !(run.pAdjusted[index]! < ALPHA)
        ? 'inconclusive'
        : comparison.verdict
    )
    const falsely = verdicts.filter(
      (verdict, index) => verdict === 'regression' && changes[index]! <= THRESHOLD
    )
    if (falsely.length > 0) anyFalse++
    if (changes[0]! > THRESHOLD && verdicts[0] === 'regression') flagged++
    if (overallVerdict(verdicts) === 'regression') step++
    samples += run.samples
  }
  return {
    anyFalse: anyFalse / runs,
    flagged: flagged / runs,
    step: step / runs,
    samples: samples / runs
  }
}

const phaseReps = REPS
const phaseSe = Math.sqrt((ALPHA * (1 - ALPHA)) / phaseReps)
console.log(
  `\nFive phases of one run, normal, CV 5%, ${phaseReps} runs each (limit alpha + 3 SE = ${pct(ALPHA + 3 * phaseSe)}):\n`
)
console.log(
  '| phases | planned | any phase falsely a regression | slowed phase flagged | step is a regression | mean samples per group |'
)
console.log('| --- | --- | ---: | ---: | ---: | ---: |')
const PLANNED = {
  family: 'as one family (alpha/5 each)',
  holm: 'each at alpha, then Holm',
  none: 'each at alpha, no adjustment'
} as const
for (const [label, changes] of [
  ['all five at +δ', [THRESHOLD, THRESHOLD, THRESHOLD, THRESHOLD, THRESHOLD]],
  ['one +25%, four unchanged', [0.25, 0, 0, 0, 0]],
  ['one +10%, four unchanged', [0.1, 0, 0, 0, 0]]
] as const) {
  for (const how of ['family', 'holm', 'none'] as const) {
    const rates = phaseRuns(changes, how, phaseReps)
    const slowed = changes[0] > THRESHOLD
    console.log(
      `| ${label} | ${PLANNED[how]} | ${pct(rates.anyFalse)} | ${slowed ? pct(rates.flagged) : '-'} | ${pct(rates.step)} | ${rates.samples.toFixed(1)} |`
    )
    if (how === 'family' && !slowed) {
      target(
        'five phases at +δ: any false regression ≤ α + 3 SE',
        rates.anyFalse <= ALPHA + 3 * phaseSe,
        pct(rates.anyFalse)
      )
    }
    if (how === 'family' && changes[0] === 0.25) {
      target('five phases, one +25%: a regression ≥ 99%', rates.flagged >= 0.99, pct(rates.flagged))
    }
  }
}

/**
 * A sweep (docs/sweep.md): four candidates against one baseline whose samples every
 * comparison shares, CV 5%, planned as one family (alpha/4 each) or each alone at alpha.
 */
function sweepRates(changes: readonly number[], planned: 'family' | 'alone', runs: number) {
  const sweepRandom = new Random(20261208)
  const plan = { alpha: ALPHA, threshold: THRESHOLD, samples: SAMPLES, looks: 10, cv: 0.05 }
  let anyFalse = 0
  let flagged = 0
  for (let i = 0; i < runs; i++) {
    const run = simulateSweep(sweepRandom, { ...plan, changes, planned })
    const verdicts = run.analyses.map(({ comparison }) => comparison.verdict)
    const falsely = verdicts.filter(
      (verdict, index) => verdict === 'regression' && changes[index]! <= THRESHOLD
    )
    if (falsely.length > 0) anyFalse++
    if (verdicts.some((verdict, index) => verdict === 'regression' && changes[index]! > THRESHOLD))
      flagged++
  }
  return { anyFalse: anyFalse / runs, flagged: flagged / runs }
}

console.log(
  `\nA sweep of four candidates against one shared baseline, normal, CV 5%, ${phaseReps} sweeps each (limit alpha + 3 SE = ${pct(ALPHA + 3 * phaseSe)}):\n`
)
console.log(
  '| candidates | planned | any candidate falsely a regression | slowed candidate flagged |'
)
console.log('| --- | --- | ---: | ---: |')
for (const [label, changes] of [
  ['all four at +δ', [THRESHOLD, THRESHOLD, THRESHOLD, THRESHOLD]],
  ['one +25%, three unchanged', [0, 0.25, 0, 0]]
] as const) {
  for (const planned of ['family', 'alone'] as const) {
    const rates = sweepRates(changes, planned, phaseReps)
    const slowed = changes.some(change => change > THRESHOLD)
    const how = planned === 'family' ? 'as one family (alpha/4 each)' : 'each alone at alpha'
    console.log(
      `| ${label} | ${how} | ${pct(rates.anyFalse)} | ${slowed ? pct(rates.flagged) : '-'} |`
    )
    if (planned === 'family' && !slowed) {
      target(
        'sweep of four at +δ: any false regression ≤ α + 3 SE',
        rates.anyFalse <= ALPHA + 3 * phaseSe,
        pct(rates.anyFalse)
      )
    }
  }
}

console.log('\nTargets (docs/validation.md):\n')
for (const [what, ok, measured] of targets)
  console.log(`- ${ok ? 'PASS' : 'FAIL'} ${what}: ${measured}`)
if (targets.some(([, ok]) => !ok)) process.exitCode = 1
