import { setImmediate } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import type { AlphaStarCache } from '../../src/stats/design/calibrate'
import { calibrationKey, plausibleAlphaStar } from '../../src/stats/design/calibration-key'
import { planRun, runCalibrations, runLooks, type RunPlan } from '../../src/stats/design/design'
import { tabledAlphaStar } from '../../src/stats/design/alpha-star-table'
import { simulateNullPaths, simulateNullPathsInTurns } from '../../src/stats/design/null-paths'
import { planRunDesign, planRunDesignInTurns, type RunDesign } from '../../src/stats/run-design'

/** A cache that answers every key with `value` and records what it is told. */
function fakeCache(value: unknown): AlphaStarCache & { stored: Map<string, number> } {
  const stored = new Map<string, number>()
  return { get: () => value, set: (key, alphaStar) => stored.set(key, alphaStar), stored }
}

/**
 * Plans the committed table leaves out (family sizes it does not hold), each used once:
 * α* computed in a process is kept there, and a second plan would not ask the cache.
 */
function untabled(familySize: number, samples = 4): { plan: RunPlan; key: string } {
  const plan = { alpha: 0.05, samples, looks: 10, familySize }
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

describe('a design computed in turns', () => {
  const sizes = runLooks({ samples: 12, looks: 10 })

  it.each(['mean', 'trimmed'] as const)(
    'simulates the very paths of the plain simulation (%s), a turn every thousand',
    async statistic => {
      const test = { statistic, detrend: false }
      let turns = 0
      const inTurns = await simulateNullPathsInTurns(sizes, 3, 2_500, 7, test, async () => {
        turns++
        await setImmediate()
      })
      expect(turns).toBe(2)
      expect(inTurns).toEqual(simulateNullPaths(sizes, 3, 2_500, 7, test))
    }
  )

  // Samples no test above planned with: their simulated paths are not in memory yet.
  const config = (familySize: number, samples: number): RunDesign => ({
    samples,
    looks: 10,
    familySize,
    detrend: false,
    statistic: 'mean',
    decision: { alpha: 0.05, threshold: 0.05 }
  })

  it('leaves the event loop free while it computes, and plans what the plain planning does', async () => {
    const { key } = untabled(14, 5)
    const cache = fakeCache(undefined)
    const seen: string[] = []
    setTimeout(() => seen.push('a timer'), 0)
    let turns = 0
    const design = await planRunDesignInTurns(config(14, 5), 1, cache, async () => {
      turns++
      await setImmediate()
    })
    seen.push('the design')

    // 100,000 paths for each of two variance ratios, a turn every thousand.
    expect(turns).toBe(200)
    expect(seen).toEqual(['a timer', 'the design'])
    expect(cache.stored.get(key)).toBe(design.regression.alphaStar)
    expect(planRunDesign(config(14, 5), 1)).toEqual(design)
  })

  it('stops where a turn throws, and caches nothing', async () => {
    const { key } = untabled(15, 6)
    const cache = fakeCache(undefined)
    let turns = 0
    const planned = planRunDesignInTurns(config(15, 6), 1, cache, async () => {
      await setImmediate()
      if (++turns === 3) throw new Error('received SIGINT')
    })

    await expect(planned).rejects.toThrow('received SIGINT')
    expect(turns).toBe(3)
    expect(cache.stored.has(key)).toBe(false)
  })
})
