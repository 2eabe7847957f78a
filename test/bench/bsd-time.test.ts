/**
 * BSD time's report on macOS, parsed from reports published by people who ran
 * `/usr/bin/time -l` on real Macs (this project's CI has none). macOS's ru_maxrss is
 * in bytes.
 */
import { describe, expect, it } from 'vitest'
import { parseBsdTimeReport, wrapInBsdTime } from '../../src/bench/resources/bsd-time'

/** macOS 13 and later: 20-wide columns and the three proc_pid_rusage lines at the end. */
const RECENT_MACOS = `       19.21 real        18.27 user         1.11 sys
            56164352  maximum resident set size
                   0  average shared memory size
                   0  average unshared data size
                   0  average unshared stack size
               16266  page reclaims
                2660  page faults
                   0  swaps
                   0  block input operations
                   0  block output operations
                   0  messages sent
                   0  messages received
               24626  signals received
                2557  voluntary context switches
              129995  involuntary context switches
           757152512  instructions retired
           282639290  cycles elapsed
            13338112  peak memory footprint
`

/** An older macOS: 10-wide columns; a multi-threaded command uses more CPU than wall time. */
const OLDER_MACOS = `        7.64 real        17.54 user         3.85 sys
 195842048  maximum resident set size
         0  average shared memory size
         0  average unshared data size
         0  average unshared stack size
   1034909  page reclaims
         0  page faults
         0  swaps
         0  block input operations
        23  block output operations
         0  messages sent
         0  messages received
       597  signals received
      1034  voluntary context switches
     26916  involuntary context switches
`

/** `-p` layout under a locale whose decimal point is a comma. */
const POSIX_LAYOUT_COMMA = `real 14,43
user 9,40
sys 2,80
          1774600192  maximum resident set size
                   0  average shared memory size
                   0  average unshared data size
                   0  average unshared stack size
             1037341  page reclaims
                5284  page faults
                   0  swaps
                   0  block input operations
                   0  block output operations
                   0  messages sent
                   0  messages received
                   0  signals received
                 864  voluntary context switches
               25149  involuntary context switches
         77809521962  instructions retired
         42836239895  cycles elapsed
          2854670336  peak memory footprint
`

describe('parseBsdTimeReport', () => {
  it('reads user, system and the maximum resident set (not the footprint of the command alone)', () => {
    expect(parseBsdTimeReport(RECENT_MACOS)).toEqual({
      userSeconds: 18.27,
      systemSeconds: 1.11,
      maxRssBytes: 56164352
    })
  })

  it('reads the older, narrower layout', () => {
    expect(parseBsdTimeReport(OLDER_MACOS)).toEqual({
      userSeconds: 17.54,
      systemSeconds: 3.85,
      maxRssBytes: 195842048
    })
  })

  it('reads the POSIX layout and a comma as decimal point', () => {
    expect(parseBsdTimeReport(POSIX_LAYOUT_COMMA)).toEqual({
      userSeconds: 9.4,
      systemSeconds: 2.8,
      maxRssBytes: 1774600192
    })
  })

  it('keeps what it finds of a report cut short, and is undefined for an empty one', () => {
    expect(parseBsdTimeReport('        0.00 real         0.00 user         0.01 sys\n')).toEqual({
      userSeconds: 0,
      systemSeconds: 0.01
    })
    expect(parseBsdTimeReport('')).toBeUndefined()
    expect(parseBsdTimeReport('time: command terminated abnormally\n')).toBeUndefined()
  })
})

describe('wrapInBsdTime', () => {
  it('puts time and its report file in front of the command, options ended by --', () => {
    expect(wrapInBsdTime('/tmp/r.time', { file: 'pulumi', args: ['up', '--yes'] })).toEqual({
      file: '/usr/bin/time',
      args: ['-l', '-o', '/tmp/r.time', '--', 'pulumi', 'up', '--yes']
    })
  })
})
