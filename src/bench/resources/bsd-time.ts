/**
 * macOS: a timed step runs under `/usr/bin/time -l -o REPORT`, whose wait4() on the
 * command gives the same figures as hyperfine's: user and system CPU and the largest
 * `ru_maxrss` of the command and its waited-for descendants (bytes on macOS). Pure:
 * resources.ts does the I/O. Untested on a real Mac by this project's tests; the
 * parser is tested on reports published from real Macs.
 *
 * Apple's time (shell_cmds, time/time.c) keeps the command's outcome: it exits with
 * the command's exit code, dies of the signal the command died of, and opens the
 * report close-on-exec. One difference: a command that cannot be started is exit code
 * 127 (126: not executable) with time's message in the log, instead of a spawn error.
 *
 * It also forwards SIGINT and SIGQUIT to the command. So a SIGINT sent to the whole
 * process group reaches the command twice, directly and through time, and Pulumi
 * takes a second SIGINT for "stop now". So a wrapped command is interrupted through
 * time's own pid, not the group (running.ts interruptProcess). Source: shell_cmds-329
 * time/time.c, forward_signal_handler.
 */
import type { ResourceUsage } from './resource-usage'

export const BSD_TIME_PATH = '/usr/bin/time'

/** The argv that runs `file args` under BSD time, writing its report to `reportPath`. */
export function wrapInBsdTime(
  reportPath: string,
  command: { file: string; args: readonly string[] }
): { file: string; args: string[] } {
  // `--` ends time's options, so a command starting with '-' is not taken for one.
  return {
    file: BSD_TIME_PATH,
    args: ['-l', '-o', reportPath, '--', command.file, ...command.args]
  }
}

/** A decimal as time prints it: the locale's decimal point may be a comma. */
const DECIMAL = String.raw`(\d+(?:[.,]\d+)?)`

/**
 * Reads BSD time's report: the line `   0.52 real   0.50 user   0.01 sys` (or, with
 * -p, the lines `user 0.50` and `sys 0.01`), then `-l`'s rusage lines, of which
 * `  209715200  maximum resident set size` is the one wanted (bytes on macOS; the
 * rest, such as "peak memory footprint", describe the command alone). Undefined when
 * time wrote nothing it could read, e.g. it was killed first.
 */
export function parseBsdTimeReport(text: string): ResourceUsage | undefined {
  const cpu = (name: string) =>
    new RegExp(`${DECIMAL}[ \\t]+${name}\\b`).exec(text) ??
    new RegExp(`^${name}[ \\t]+${DECIMAL}`, 'm').exec(text)
  const user = cpu('user')
  const system = cpu('sys')
  const rss = /^[ \t]*(\d+)[ \t]+maximum resident set size/m.exec(text)
  const usage: ResourceUsage = {}
  if (user) usage.userSeconds = decimal(user[1]!)
  if (system) usage.systemSeconds = decimal(system[1]!)
  if (rss) usage.maxRssBytes = Number(rss[1])
  return Object.keys(usage).length === 0 ? undefined : usage
}

function decimal(text: string): number {
  return Number(text.replace(',', '.'))
}
