import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  commentOnPullRequest,
  runPipeline,
  withInterrupts
} from "./shared-cli-run+index.js";
import "./shared-cli-run+index+post.js";
import "./shared-cli+cli-run+index.js";
import {
  formatResults
} from "./shared-cli-compare+cli-run.js";
import "./shared-cli-report+cli-run+index+post.js";
import "./shared-cli-compare+cli-report+cli-run.js";
import {
  parseChoice,
  parseReporting,
  parseRunConfig,
  renderMarkdown
} from "./shared-cli-compare+cli-report+cli-run+index.js";
import {
  FORMATS,
  RUN_FLAGS,
  parseFlags
} from "./shared-cli-compare+cli-main+cli-report+cli-run.js";
import "./shared-cli-compare+cli-main+cli-report+cli-run+index.js";
import {
  InputError
} from "./shared-cli-compare+cli-main+cli-report+cli-run+index+post.js";
import "./shared-cli+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/cli/run.ts
var runCommand = async (argv, io) => {
  const { values, positionals, help } = parseFlags(argv, [...RUN_FLAGS, "format"]);
  if (help) return "help";
  if (positionals.length > 0) {
    throw new InputError(`run takes only --flags; unexpected ${JSON.stringify(positionals[0])}`);
  }
  const raw = { ...values, ["comment" /* Comment */]: values["comment" /* Comment */] ?? "never" };
  const config = parseRunConfig(raw, io.env);
  const reporting = parseReporting(raw, io.env, config.name);
  const format = parseChoice("--format", values.format ?? "text", FORMATS);
  const line = (text) => io.stderr(`${text}
`);
  const { results, kept } = await withInterrupts(
    (interrupts) => runPipeline(config, {
      progress: line,
      info: line,
      warn: (text) => line(`warning: ${text}`),
      signal: interrupts.first,
      teardownSignal: interrupts.second,
      env: io.env
    }),
    { forward: "every", onSignal: (signal, count) => line(interruptMessage(signal, count)) }
  );
  line(`Results: ${config.resultsFile}`);
  await commentOnPullRequest({
    body: renderMarkdown(results),
    verdict: results.comparison.verdict,
    reporting,
    token: io.env.GITHUB_TOKEN ?? "",
    env: io.env,
    info: line,
    warn: (text) => line(`warning: ${text}`)
  });
  return {
    output: formatResults(results, format),
    verdict: results.comparison.verdict,
    failOn: config.decision.failOn,
    errors: kept
  };
};
function interruptMessage(signal, count) {
  if (count === 1) {
    return `Received ${signal}: stopping; the running command finishes what it started, then the stacks are destroyed (a second Ctrl-C stops it at once and keeps the stacks)`;
  }
  return `Received ${signal} again: stopping at once; stacks not yet removed are kept and their state written beside the results`;
}
export {
  runCommand
};
