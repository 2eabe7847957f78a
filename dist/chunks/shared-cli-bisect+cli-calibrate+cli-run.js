import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  commentOnPullRequest,
  runPipeline,
  withInterrupts
} from "./shared-cli-bisect+cli-calibrate+cli-run+index.js";
import {
  configValues
} from "./shared-cli-bisect+cli-calibrate+cli-run+index+post.js";
import {
  RUN_FLAGS,
  parseFlags
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run.js";
import {
  FORMATS,
  parseChoice,
  parseReporting,
  parseRunConfig,
  runAnswer,
  workflowRunUrl
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run+index.js";
import {
  BenchmarkError,
  InputError
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/cli/run.ts
var CLI_TERMS = {
  token: "GITHUB_TOKEN",
  reportIsIn: "this command's output and its results file"
};
var runCommand = async (argv, io) => {
  const { values, positionals, help } = parseFlags(argv, [...RUN_FLAGS, "format"]);
  if (help) return "help";
  if (positionals.length > 0) {
    throw new InputError(`run takes only --flags; unexpected ${JSON.stringify(positionals[0])}`);
  }
  const raw = { ...values, ["comment" /* Comment */]: values["comment" /* Comment */] ?? "never" };
  io.addSecrets(configValues(raw["config" /* Config */] ?? ""));
  const config = parseRunConfig(raw, io.env);
  const reporting = parseReporting(raw, io.env, config.name);
  const format = parseChoice("--format", values.format ?? "text", FORMATS);
  const line = (text) => io.stderr(`${text}
`);
  const { outcome, interrupted } = await measure(config, io);
  const answer = runAnswer(config, outcome, workflowRunUrl(io.env));
  if (outcome.finished && !outcome.unwritten) line(`Results: ${config.resultsFile}`);
  await commentOnPullRequest({
    body: io.redact(answer.render("markdown", reporting.logs) ?? ""),
    verdict: answer.verdict,
    reporting,
    token: io.env.GITHUB_TOKEN ?? "",
    terms: CLI_TERMS,
    env: io.env,
    info: line,
    warn: (text) => line(`warning: ${text}`)
  });
  if (!outcome.finished && outcome.error instanceof InputError) throw outcome.error;
  const stoppedCleanup = outcome.finished && interrupted?.aborted ? new BenchmarkError(
    `interrupted after the samples, while tearing down (${String(interrupted.reason.message)}); the verdict above stands`
  ) : void 0;
  const error = answer.error ?? stoppedCleanup;
  return { answer: error === void 0 ? answer : { ...answer, error }, format };
};
function measure(config, io) {
  return withCliHooks(config.target.kind === "pulumi", io, (hooks) => runPipeline(config, hooks));
}
async function withCliHooks(pulumi, io, start) {
  const line = (text) => io.stderr(`${text}
`);
  let interrupted;
  const outcome = await withInterrupts(
    (interrupts) => {
      interrupted = interrupts.first;
      return start({
        progress: line,
        info: line,
        warn: (text) => line(`warning: ${text}`),
        redact: io.redact,
        signal: interrupts.first,
        teardownSignal: interrupts.second,
        env: io.env
      });
    },
    {
      forward: "every",
      onSignal: (signal, count) => line(interruptMessage(signal, count, pulumi))
    }
  );
  return { outcome, interrupted };
}
function interruptMessage(signal, count, pulumi) {
  if (count === 1) {
    return pulumi ? `Received ${signal}: stopping; the running command finishes what it started, then the stacks are destroyed (a second Ctrl-C stops it at once and keeps the stacks)` : `Received ${signal}: stopping; the running command gets a moment to end, then the results so far are written and the cleanup runs (a second Ctrl-C skips the cleanup)`;
  }
  return pulumi ? `Received ${signal} again: stopping at once; stacks not yet removed are kept and their state written beside the results` : `Received ${signal} again: stopping at once; the cleanup is skipped`;
}

export {
  runCommand,
  measure,
  withCliHooks
};
