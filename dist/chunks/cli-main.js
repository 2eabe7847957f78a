import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  inertWorkflowCommands,
  stepSecrets
} from "./shared-cli-main+index+post.js";
import {
  RUN_FLAGS
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run.js";
import {
  BenchmarkError,
  INPUT_DEFAULTS,
  InputError,
  describeError
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";
import "./shared-cli+cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/cli/help.ts
var RUN_FLAG_LINES = RUN_FLAGS.map((input) => {
  const fallback = input === "comment" /* Comment */ ? "never" : INPUT_DEFAULTS[input];
  return `  --${input}${fallback === void 0 ? "" : ` (default: ${fallback})`}`;
}).join("\n");
var USAGE = `pulumi-perf-gate: catch performance regressions in Pulumi deployments

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
benchmark could not finish, 2 for bad usage or input.`;

// src/cli/main.ts
var COMMANDS = {
  run: async () => (await import("./cli-run.js")).runCommand,
  compare: async () => (await import("./cli-compare.js")).compareCommand,
  report: async () => (await import("./cli-report.js")).reportCommand,
  calibrate: async () => (await import("./cli-calibrate.js")).calibrateCommand,
  bisect: async () => (await import("./cli-bisect.js")).bisectCommand
};
async function runCli(argv, given, version) {
  const [name, ...rest] = argv;
  const secrets = stepSecrets(given.env, given.env.GITHUB_TOKEN);
  const shown = given.env.GITHUB_ACTIONS === "true" ? (text) => inertWorkflowCommands(secrets.redact(text)) : secrets.redact;
  const io = {
    stdout: (text) => given.stdout(shown(text)),
    stderr: (text) => given.stderr(shown(text)),
    env: given.env,
    redact: secrets.redact,
    addSecrets: secrets.add
  };
  try {
    if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
      io.stdout(`${USAGE}
`);
      return name === void 0 ? 2 : 0;
    }
    if (name === "--version") {
      io.stdout(`${version}
`);
      return 0;
    }
    const load = COMMANDS[name];
    if (load === void 0) {
      throw new InputError(
        `unknown command ${JSON.stringify(name)}; expected run, compare, report, calibrate or bisect (see --help)`
      );
    }
    const outcome = await (await load())(rest, io);
    if (outcome === "help") {
      io.stdout(`${USAGE}
`);
      return 0;
    }
    const { answer, format } = outcome;
    io.stdout(answer.render(format) ?? "");
    if (answer.error) throw answer.error;
    return answer.fails ? 1 : 0;
  } catch (error) {
    io.stderr(`pulumi-perf-gate: ${describeError(error)}
`);
    if (error instanceof InputError) return 2;
    if (error instanceof BenchmarkError) return 1;
    io.stderr(`${error.stack ?? ""}
`);
    return 1;
  }
}
export {
  runCli
};
