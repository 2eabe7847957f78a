import { describe, expect, it } from 'vitest'
import {
  childCpuSeconds,
  meanCpu,
  parseChildPids,
  parseChildTicks,
  parseVmHwmBytes,
  withoutShellCpu
} from '../../src/bench/resources/resource-usage'

describe('parseChildTicks', () => {
  it('reads cutime and cstime (fields 16 and 17) of a real /proc/<pid>/stat', () => {
    const stat =
      '18473 (cat) R 18467 18467 5924 0 -1 4194304 101 0 0 0 7 3 150 42 20 0 1 0 222495 3133440 393 18446744073709551615 0 0 0\n'
    expect(parseChildTicks(stat)).toEqual({ cutime: 150, cstime: 42 })
  })

  it('counts fields from the last parenthesis, whatever the command name holds', () => {
    const stat = '4242 (a (b) c) S) S 1 1 1 0 -1 0 0 0 0 0 7 3 150 42 20 0 1 0 98765\n'
    expect(parseChildTicks(stat)).toEqual({ cutime: 150, cstime: 42 })
  })

  it('is undefined for text that is not a stat line', () => {
    expect(parseChildTicks('')).toBeUndefined()
    expect(parseChildTicks('12 (x) S 1 2')).toBeUndefined()
  })
})

describe('childCpuSeconds', () => {
  it('turns the tick deltas into seconds (USER_HZ = 100)', () => {
    expect(childCpuSeconds({ cutime: 100, cstime: 5 }, { cutime: 150, cstime: 35 })).toEqual({
      userSeconds: 0.5,
      systemSeconds: 0.3
    })
  })

  it('never goes below zero', () => {
    expect(childCpuSeconds({ cutime: 9, cstime: 9 }, { cutime: 1, cstime: 1 })).toEqual({
      userSeconds: 0,
      systemSeconds: 0
    })
  })
})

describe('parseVmHwmBytes', () => {
  it('reads the peak resident set in bytes', () => {
    const status = 'Name:\tnode\nVmPeak:\t 1222000 kB\nVmHWM:\t  210436 kB\nVmRSS:\t   5000 kB\n'
    expect(parseVmHwmBytes(status)).toBe(210436 * 1024)
  })

  it('is undefined for a zombie, which has no Vm lines', () => {
    expect(parseVmHwmBytes('Name:\tsh\nState:\tZ (zombie)\nThreads:\t1\n')).toBeUndefined()
  })
})

describe('parseChildPids', () => {
  it('reads the space-separated pids of a children file', () => {
    expect(parseChildPids('15449 15460 ')).toEqual([15449, 15460])
    expect(parseChildPids('')).toEqual([])
  })
})

describe('meanCpu', () => {
  it('averages the runs: ticks of 0 and 10 ms average to what a shell really costs', () => {
    const runs = [
      { userSeconds: 0.01, systemSeconds: 0 },
      { userSeconds: 0, systemSeconds: 0 },
      { userSeconds: 0, systemSeconds: 0.01 },
      { userSeconds: 0, systemSeconds: 0 }
    ]
    expect(meanCpu(runs)).toEqual({ userSeconds: 0.0025, systemSeconds: 0.0025 })
  })

  it('is undefined unless every run has both figures', () => {
    expect(meanCpu([])).toBeUndefined()
    expect(meanCpu([{}, {}])).toBeUndefined()
    expect(meanCpu([{ userSeconds: 0, systemSeconds: 0 }, { maxRssBytes: 1 }])).toBeUndefined()
  })
})

describe('withoutShellCpu', () => {
  const shell = { userSeconds: 0.002, systemSeconds: 0.003 }

  it('subtracts the empty shell from CPU, never below 0, and leaves memory alone', () => {
    expect(
      withoutShellCpu({ userSeconds: 0.5, systemSeconds: 0, maxRssBytes: 1000 }, shell)
    ).toEqual({ userSeconds: 0.498, systemSeconds: 0, maxRssBytes: 1000 })
  })

  it('changes nothing without a calibration or without CPU figures', () => {
    expect(withoutShellCpu({ userSeconds: 0.5, systemSeconds: 0.1 }, undefined)).toEqual({
      userSeconds: 0.5,
      systemSeconds: 0.1
    })
    expect(withoutShellCpu({}, shell)).toEqual({})
  })
})
