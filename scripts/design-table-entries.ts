// What the committed α* table (src/stats/design/alpha-star-table.json) covers: the designs
// users run most, so that their runs start at once. Anything else is computed on its
// first run and cached (src/run/pipeline/design-cache.ts). Written by `npm run design-table`.
import { calibrationKey, type CalibrationRequest } from '../src/stats/design/calibration-key'
import { runCalibrations, type RunPlan } from '../src/stats/design/design'

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i)

/** `samples` 4–30 and some larger (3 or fewer is one look: nothing to calibrate). */
const SAMPLES = [...range(4, 30), 35, 40, 50, 60]
/** Phases × family-size: one phase, the five Pulumi phases, matrices of a few benchmarks. */
const FAMILY_SIZES = [...range(1, 6), 8, 10]
/** Yuen's test and a removed trend are slower to calibrate (whole samples): their defaults. */
const SLOW_TESTS: RunPlan[] = [1, 2, 3].flatMap(familySize => [
  { alpha: 0.05, samples: 20, looks: 10, familySize, statistic: 'trimmed' as const },
  { alpha: 0.05, samples: 20, looks: 10, familySize, detrend: true }
])

/** The run plans the table covers: the defaults (alpha 0.05, looks 10) around the users' choices. */
export const TABLE_PLANS: readonly RunPlan[] = [
  ...SAMPLES.flatMap(samples =>
    FAMILY_SIZES.map(familySize => ({ alpha: 0.05, samples, looks: 10, familySize }))
  ),
  ...SLOW_TESTS
]

/** Every calibration the table's plans need, once each, by key. */
export function tableRequests(): Map<string, CalibrationRequest> {
  const requests = new Map<string, CalibrationRequest>()
  for (const plan of TABLE_PLANS) {
    for (const request of runCalibrations(plan)) requests.set(calibrationKey(request), request)
  }
  return requests
}
