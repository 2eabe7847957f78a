import { INPUT_DEFAULTS, Input } from '../config/inputs'
import { RUN_FLAGS } from './flags'

const RUN_FLAG_LINES = RUN_FLAGS.map(input => {
  const fallback = input === Input.Comment ? 'never' : INPUT_DEFAULTS[input]
  return `  --${input}${fallback === undefined ? '' : ` (default: ${fallback})`}`
}).join('\n')

export const USAGE = `pulumi-perf-gate: catch performance regressions in Pulumi deployments

Usage:
  pulumi-perf-gate run [--flag value ...]     measure, analyse, report
  pulumi-perf-gate compare FILE [FILE] [...]  re-analyse hyperfine-format results
  pulumi-perf-gate report FILE|GLOB ...       join results files of many benchmarks
  pulumi-perf-gate calibrate --command CMD | --pulumi-version V [--flag value ...]
                                              measure one thing as both groups: this
                                              runner's noise and the inputs to use
  pulumi-perf-gate bisect --good V --bad V | --versions A,B,... [--flag value ...]
                                              which release (or CLI of a list) made
                                              the program slower
  pulumi-perf-gate --help | --version

Common flags:
  --format text|markdown|json  what to print on stdout (default: text); json prints
                               the results file and nothing else
  --alpha N                    significance level, over all looks (default: 0.05)
  --threshold N                smallest change that counts: 5%, 0.05, 0% (run default 5%,
                               compare default 0%)
  --fail-on regression|regression-or-inconclusive|never (default: regression)

compare flags:
  --baseline NAME, --candidate NAME   pick results by parameters.group or exact command
                                      (default: the first result, then the second)
  --looks N                           most looks, placed on the samples the file holds
                                      (default 1: fixed size)
  --family-size M                     one of M benchmarks: regression spends alpha/M (default 1)
  --statistic mean|trimmed            Welch on means (default) or Yuen on 20%-trimmed means,
                                      for times with outliers (docs/how-it-decides.md)

report flags: --alpha, --threshold and --fail-on decide; each file's recorded design
  (looks, family size) is replayed within sane bounds

calibrate flags: --command CMD or --pulumi-version V (with --program), --samples,
  --threshold (the one you want to gate on), --warmup, --phases, --statistic and the
  other run flags; every sample runs (no early stop), nothing fails the exit status

bisect flags (docs/bisect.md): --good V and --bad V, two Pulumi releases (every
  release between them is a candidate, from Pulumi's release list or the mirror's
  <pulumi-download-url>/versions), or --versions A,B,... (versions or paths to pulumi,
  good first, bad last); then the run flags below but the two versions, commands and
  comment flags. Each step samples until a verdict, at most --samples per group (give
  50: each step is tested at alpha/m). Exit 1 when bad is slower than good (located
  or not), 0 when it is not.

run flags (the action's inputs; see README.md):
${RUN_FLAG_LINES}
  The token for --comment is read from GITHUB_TOKEN; no comment is posted unless
  --comment and --pull-request are given.

Exit status: 0 when the verdict passes under --fail-on, 1 when it fails or the
benchmark could not finish, 2 for bad usage or input.`
