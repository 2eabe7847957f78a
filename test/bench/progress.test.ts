import { describe, expect, it } from 'vitest'
import { estimateSecondsLeft, formatProgress } from '../../src/bench/schedule/progress'
import { formatTimeSpan, formatSampleTime } from '../../src/bench/schedule/format'

describe('estimateSecondsLeft', () => {
  it('is unknown before anything ran', () => {
    expect(
      estimateSecondsLeft([
        { runs: 0, seconds: 0, runsLeft: 5 },
        { runs: 0, seconds: 0, runsLeft: 5 }
      ])
    ).toBeUndefined()
  })

  it('prices each group at its own mean pace', () => {
    const left = estimateSecondsLeft([
      { runs: 2, seconds: 20, runsLeft: 3 }, // 10 s a run
      { runs: 1, seconds: 4, runsLeft: 4 } // 4 s a run
    ])
    expect(left).toBe(3 * 10 + 4 * 4)
  })

  it('prices a group with no runs yet at the mean of all runs', () => {
    const left = estimateSecondsLeft([
      { runs: 2, seconds: 12, runsLeft: 1 },
      { runs: 0, seconds: 0, runsLeft: 2 }
    ])
    expect(left).toBe(6 + 2 * 6)
  })
})

describe('formatProgress', () => {
  it('names the group, the run, its time and the time left', () => {
    const line = formatProgress({
      group: 'candidate',
      kind: 'sample',
      number: 3,
      of: 20,
      phases: [{ phase: 'command', seconds: 1.2345 }],
      secondsLeft: 130
    })
    expect(line).toBe('candidate sample 3/20: 1.234 s, about 2 min 10 s left')
  })

  it('names each phase with its time when a cycle times several', () => {
    const line = formatProgress({
      group: 'baseline',
      kind: 'sample',
      number: 2,
      of: 10,
      phases: [
        { phase: 'up', seconds: 12.5 },
        { phase: 'destroy', seconds: 0.8021 }
      ],
      secondsLeft: 60
    })
    expect(line).toBe('baseline sample 2/10: up 12.500 s, destroy 802.10 ms, about 1 min left')
  })

  it('leaves out an unknown or finished estimate', () => {
    const event = {
      ...{ group: 'baseline', kind: 'warmup' as const, number: 1, of: 1 },
      phases: [{ phase: 'command', seconds: 0.0123 }]
    } as const
    expect(formatProgress({ ...event, secondsLeft: undefined })).toBe(
      'baseline warmup 1/1: 12.30 ms'
    )
    expect(formatProgress({ ...event, secondsLeft: 0 })).toBe('baseline warmup 1/1: 12.30 ms')
  })
})

describe('formatTimeSpan', () => {
  it.each([
    [0.3, '300 ms'],
    [12.34, '12.3 s'],
    [130, '2 min 10 s'],
    [1800, '30 min'],
    [3900, '1 h 5 min'],
    [7200, '2 h']
  ])('%s s reads %s', (seconds, text) => {
    expect(formatTimeSpan(seconds)).toBe(text)
  })
})

describe('formatSampleTime', () => {
  it('uses milliseconds below a second and seconds above', () => {
    expect(formatSampleTime(0.05)).toBe('50.00 ms')
    expect(formatSampleTime(70.1894)).toBe('70.189 s')
  })
})
