import { describe, expect, it } from 'vitest'
import { tableRequests } from '../../scripts/design-table-entries'
import { ALPHA_STAR_TABLE } from '../../src/stats/design/alpha-star-table'
import { computeAlphaStar } from '../../src/stats/design/calibrate'
import { calibrationKey, plausibleAlphaStar } from '../../src/stats/design/calibration-key'
import { runCalibrations } from '../../src/stats/design/design'

const requests = tableRequests()

describe('the committed α* table (npm run design-table)', () => {
  it('holds exactly the calibrations of the plans the script covers', () => {
    expect(Object.keys(ALPHA_STAR_TABLE).sort()).toEqual([...requests.keys()].sort())
  })

  it('holds the defaults: a run of 20 samples, 10 looks at most, one phase', () => {
    for (const request of runCalibrations({ alpha: 0.05, samples: 20, looks: 10 })) {
      expect(ALPHA_STAR_TABLE).toHaveProperty([calibrationKey(request)])
    }
  })

  it('holds only values a cache may hold too', () => {
    for (const [key, request] of requests) {
      expect(plausibleAlphaStar(ALPHA_STAR_TABLE[key], request.target), key).toBe(true)
    }
  })

  // Recomputed (seconds each): a change to the calibration fails here until the table is.
  it.each([
    { alpha: 0.05, samples: 20, looks: 10 },
    { alpha: 0.05, samples: 7, looks: 10, familySize: 3 }
  ])('is what the script computes for %o', plan => {
    for (const request of runCalibrations(plan)) {
      const key = calibrationKey(request)
      expect(ALPHA_STAR_TABLE[key], key).toBe(computeAlphaStar(request))
    }
  })
})
