import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { closeSync, openSync, readFileSync, readSync, readdirSync } from 'node:fs'

/**
 * Every process we start carries this variable with a value of its own, and so does
 * everything it starts, however it leaves our process group: Pulumi starts its language
 * host and providers in process groups of their own (`Setpgid`, sdk/go/common/resource/
 * plugin/plugin.go), a user's command may `setsid` or leave a daemon behind, and a child
 * whose parent died is adopted by init, out of any tree walk. The GitHub runner finds a
 * job's processes the same way (RUNNER_TRACKING_ID). A process that clears its whole
 * environment (`env -i`) escapes it; nothing short of a cgroup would catch that.
 */
export const TRACKING_VARIABLE = 'PULUMI_PERF_GATE_TRACKING_ID'

export function newTrackingId(): string {
  return randomUUID()
}

/** Rounds of find-and-kill: a process being killed may still start another in between. */
const KILL_ROUNDS = 5

/**
 * SIGKILLs every process that carries `trackingId`; returns how many it found. Linux reads
 * /proc/<pid>/environ, macOS asks `ps`; elsewhere (Windows: taskkill ends the tree) it
 * finds none. Processes of other users are not readable, so never touched.
 */
export function killTrackedProcesses(trackingId: string): number {
  let killed = 0
  for (let round = 0; round < KILL_ROUNDS; round++) {
    const pids = findTrackedProcesses(trackingId)
    if (pids.length === 0) break
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL')
        killed++
      } catch {
        // ESRCH: it ended on its own meanwhile.
      }
    }
  }
  return killed
}

/** The pids, other than ours, whose environment holds `TRACKING_VARIABLE=trackingId`. */
export function findTrackedProcesses(trackingId: string): number[] {
  const entry = `${TRACKING_VARIABLE}=${trackingId}`
  if (process.platform === 'linux') return findInProc(Buffer.from(`${entry}\0`))
  if (process.platform === 'darwin') return findWithPs(entry)
  return []
}

/** One buffer for every environ read: a scan runs after each command, so it allocates nothing. */
const ENVIRON_BUFFER = Buffer.alloc(256 * 1024)

function findInProc(needle: Buffer): number[] {
  let names: string[]
  try {
    names = readdirSync('/proc')
  } catch {
    return []
  }
  const found: number[] = []
  for (const name of names) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue
    const environ = readEnviron(name)
    if (environ === undefined) continue
    // The last entry may lack its NUL.
    if (environ.includes(needle) || endsWith(environ, needle.subarray(0, -1))) {
      if (!isZombie(name)) found.push(Number(name))
    }
  }
  return found
}

/** The start of a process's environment (as much as the buffer holds); undefined when unreadable. */
function readEnviron(pid: string): Buffer | undefined {
  let fd: number | undefined
  try {
    fd = openSync(`/proc/${pid}/environ`, 'r')
    const length = readSync(fd, ENVIRON_BUFFER, 0, ENVIRON_BUFFER.length, 0)
    return ENVIRON_BUFFER.subarray(0, length)
  } catch {
    return undefined // ended meanwhile, or another user's
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

function endsWith(buffer: Buffer, tail: Buffer): boolean {
  return buffer.length >= tail.length && buffer.subarray(buffer.length - tail.length).equals(tail)
}

/** A zombie has ended; killing it does nothing, and its parent reaps it. */
function isZombie(pid: string): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')
  } catch {
    return true
  }
}

/** macOS: `ps e` prints each of our own processes' environment after its command. */
function findWithPs(entry: string): number[] {
  let listing: string
  try {
    listing = execFileSync('ps', ['-axeww', '-o', 'pid=,command='], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024
    })
  } catch {
    return []
  }
  return listing
    .split('\n')
    .filter(line => line.includes(` ${entry}`))
    .map(line => Number(line.trim().split(/\s+/)[0]))
    .filter(pid => Number.isInteger(pid) && pid !== process.pid)
}
