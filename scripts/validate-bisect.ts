/**
 * `npm run validate:bisect`: the bisect's procedure (docs/bisect.md) under simulation.
 * 40 releases of a 60 s deployment with normal noise; from release k on, `up` is slower
 * by a given change. Each step is the sequential comparison a run makes (the default
 * design at alpha/m, m = 1 + ⌈log₂ 39⌉ = 7), on fresh samples of good and the probe.
 * Prints, per scenario, how often the bisect located the true release, located a wrong
 * one, stopped with a range it could not split, or found no regression; the comparisons
 * and samples per group it took. The family's promise: a wrong release at most alpha.
 * REPS=… sets the repetitions per row (default 1000); SAMPLES=… the cap per step (20).
 */
import { analyse } from '../src/stats/analyse'
import { planRun } from '../src/stats/design/design'
import {
  comparisonAlpha,
  initialRange,
  narrow,
  nextProbe,
  type SearchRange
} from '../src/run/bisect/bisect-search'
import type { Verdict } from '../src/stats/types'
import { Random } from '../test/helpers/random'

const REPS = Number(process.env.REPS ?? 1000)
const COUNT = 40
const SAMPLES = Number(process.env.SAMPLES ?? 20)
const ALPHA = 0.05
const THRESHOLD = 0.05
const MEAN = 60
const random = new Random(20261207)
const design = planRun({ alpha: comparisonAlpha(ALPHA, COUNT), samples: SAMPLES, looks: 10 })

interface Scenario {
  name: string
  /** The first slow release, or null for none. */
  first: number | null
  change: number
  cv: number
}

const SCENARIOS: Scenario[] = [
  { name: 'none slower', first: null, change: 0, cv: 0.03 },
  { name: '+25% from release 27', first: 27, change: 0.25, cv: 0.03 },
  { name: '+25% from release 27', first: 27, change: 0.25, cv: 0.05 },
  { name: '+10% from release 8', first: 8, change: 0.1, cv: 0.03 },
  { name: '+10% from release 33', first: 33, change: 0.1, cv: 0.05 }
]

/** `missed`: bad not confirmed slower though it is; `none`: correctly nothing found. */
type Outcome = 'right' | 'wrong' | 'unsplit' | 'missed' | 'none'

/** One step: good against a release whose true mean is `mean`; samples used per group. */
function compare(mean: number, cv: number): { verdict: Verdict; samples: number } {
  const good = random.normals(SAMPLES, MEAN, MEAN * cv)
  const probe = random.normals(SAMPLES, mean, MEAN * cv)
  const { comparison } = analyse(good, probe, {
    alpha: design.regression.target,
    threshold: THRESHOLD,
    design
  })
  return { verdict: comparison.verdict, samples: comparison.samples }
}

function bisectOnce(scenario: Scenario): {
  outcome: Outcome
  comparisons: number
  samples: number
} {
  const meanOf = (index: number) =>
    scenario.first !== null && index >= scenario.first ? MEAN * (1 + scenario.change) : MEAN
  let comparisons = 1
  const confirm = compare(meanOf(COUNT - 1), scenario.cv)
  let samples = confirm.samples
  // A regression claimed where there is none is the family's error too.
  if (scenario.first === null && confirm.verdict === 'regression') {
    return { outcome: 'wrong', comparisons, samples }
  }
  if (confirm.verdict !== 'regression') {
    return { outcome: scenario.first === null ? 'none' : 'missed', comparisons, samples }
  }
  let range: SearchRange = initialRange(COUNT)
  for (let probe = nextProbe(range); probe !== null; probe = nextProbe(range)) {
    const step = compare(meanOf(probe), scenario.cv)
    comparisons++
    samples += step.samples
    const next = narrow(range, probe, step.verdict)
    if ('kind' in next) return { outcome: 'unsplit', comparisons, samples }
    range = next
  }
  return { outcome: range.slow === scenario.first ? 'right' : 'wrong', comparisons, samples }
}

const percent = (count: number) => `${((100 * count) / REPS).toFixed(1)}%`
console.log(
  `Bisect of ${COUNT} releases, mean ${MEAN} s, alpha ${ALPHA} (each comparison at ${design.regression.target.toFixed(4)}), threshold ${THRESHOLD * 100}%, at most ${SAMPLES} samples per group and step; ${REPS} bisects per row\n`
)
console.log(
  '| scenario | CV | located right | located wrong | range not split | bad not confirmed | no regression | comparisons | samples per group and step |'
)
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const scenario of SCENARIOS) {
  const counts: Record<Outcome, number> = { right: 0, wrong: 0, unsplit: 0, missed: 0, none: 0 }
  let comparisons = 0
  let samples = 0
  for (let rep = 0; rep < REPS; rep++) {
    const result = bisectOnce(scenario)
    counts[result.outcome]++
    comparisons += result.comparisons
    samples += result.samples
  }
  console.log(
    `| ${scenario.name} | ${scenario.cv * 100}% | ${percent(counts.right)} | ${percent(counts.wrong)} | ${percent(counts.unsplit)} | ${percent(counts.missed)} | ${percent(counts.none)} | ${(comparisons / REPS).toFixed(2)} | ${(samples / comparisons).toFixed(1)} |`
  )
}
const se = Math.sqrt((ALPHA * (1 - ALPHA)) / REPS)
console.log(
  `\nTarget: located wrong (with none slower: a regression claimed) at most alpha + 3 SE = ${(100 * (ALPHA + 3 * se)).toFixed(1)}%.`
)
