import { describe, expect, it } from 'vitest'
import type { AlphaStarCache } from '../../src/stats/design/calibrate'
import { calibrationKey, plausibleAlphaStar } from '../../src/stats/design/calibration-key'
import { planRun, runCalibrations, type RunPlan } from '../../src/stats/design/design'
import { tabledAlphaStar } from '../../src/stats/design/alpha-star-table'

/** A cache that answers every key with `value` and records what it is told. */
function fakeCache(value: unknown): AlphaStarCache & { stored: Map<string, number> } {
  const stored = new Map<string, number>()
  return { get: () => value, set: (key, alphaStar) => stored.set(key, alphaStar), stored }
}

/**
 * Plans the committed table leaves out (family sizes it does not hold), each used once:
 * α* computed in a process is kept there, and a second plan would not ask the cache.
 */
function untabled(familySize: number): { plan: RunPlan; key: string } {
  const plan = { alpha: 0.05, samples: 4, looks: 10, familySize }
  const key = calibrationKey(runCalibrations(plan)[0]!)
  expect(key).toMatch(/gamma -3/) // the regression test's
  expect(tabledAlphaStar(key)).toBeUndefined()
  return { plan, key }
}

describe('a design planned with a cache', () => {
  it('takes a plausible α* from the cache instead of computing it', () => {
    const { plan, key } = untabled(7)
    const cache = fakeCache(0.0068)
    expect(planRun({ ...plan, cache }).regression.alphaStar).toBe(0.0068)
    expect(cache.stored.has(key)).toBe(false)
  })

  it.each([
    ['far above the target', 9, 0.5],
    ['far below the target', 11, 1e-6],
    ['not a number', 12, '0.007'],
    ['not finite', 13, Number.NaN]
  ])('computes α* when the cached value is %s, and stores what it computed', (_, m, value) => {
    const { plan, key } = untabled(m)
    const cache = fakeCache(value)
    const { regression } = planRun({ ...plan, cache })
    expect(regression.alphaStar).not.toBe(value)
    expect(plausibleAlphaStar(regression.alphaStar, regression.target)).toBe(true)
    expect(cache.stored.get(key)).toBe(regression.alphaStar)
  })
})
