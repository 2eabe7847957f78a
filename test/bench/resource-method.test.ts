import { describe, expect, it } from 'vitest'
import { selectResourceMethod, type ProbeFacts } from '../../src/bench/resources/resource-method'

/** A machine with these files, on which these commands succeed. */
function machine(files: string[], succeeding: string[] = []): ProbeFacts & { ran: string[] } {
  const ran: string[] = []
  return {
    pid: 42,
    ran,
    exists: path => files.includes(path),
    runs: (file, args) => {
      const line = [file, ...args].join(' ')
      ran.push(line)
      return succeeding.includes(line)
    }
  }
}

const LINUX = ['/proc/self/stat', '/proc/42/task/42/children']
const BSD_TIME_PROBE = '/usr/bin/time -l -o /dev/null true'

describe('selectResourceMethod', () => {
  it('uses /proc on Linux, with memory when the kernel lists children', () => {
    expect(selectResourceMethod('linux', machine(LINUX))).toEqual({ kind: 'procfs', memory: true })
    expect(selectResourceMethod('linux', machine(['/proc/self/stat']))).toEqual({
      kind: 'procfs',
      memory: false
    })
  })

  it('leaves the figures out on a Linux without /proc', () => {
    expect(selectResourceMethod('linux', machine([]))).toEqual({ kind: 'none' })
  })

  it('uses BSD time on macOS only when its -o works', () => {
    const mac = machine([], [BSD_TIME_PROBE])
    expect(selectResourceMethod('darwin', mac)).toEqual({ kind: 'bsd-time' })
    expect(mac.ran).toEqual([BSD_TIME_PROBE])
    // An older macOS whose time has no -o: no figures rather than a failing wrapper.
    expect(selectResourceMethod('darwin', machine([]))).toEqual({ kind: 'none' })
  })

  it('measures nothing on Windows and other systems, and runs nothing to find out', () => {
    for (const platform of ['win32', 'freebsd', 'aix'] as const) {
      const other = machine(LINUX, [BSD_TIME_PROBE])
      expect(selectResourceMethod(platform, other)).toEqual({ kind: 'none' })
      expect(other.ran).toEqual([])
    }
  })
})
