import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  StacksKept,
  commentOnPullRequest,
  runPipeline,
  withInterrupts
} from "./shared-cli-bisect+cli-calibrate+cli-run+index.js";
import {
  configValues
} from "./shared-cli-bisect+cli-calibrate+cli-run+index+post.js";
import {
  formatFailure,
  formatResults
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run.js";
import {
  FORMATS,
  RUN_FLAGS,
  parseFlags
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run.js";
import {
  parseChoice,
  parseReporting,
  parseRunConfig,
  renderFailedMarkdown,
  renderMarkdown,
  stepVerdict,
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
  const runUrl = workflowRunUrl(io.env);
  const comment = (body, verdict2) => commentOnPullRequest({
    body: io.redact(body),
    verdict: verdict2,
    reporting,
    token: io.env.GITHUB_TOKEN ?? "",
    terms: CLI_TERMS,
    env: io.env,
    info: line,
    warn: (text) => line(`warning: ${text}`)
  });
  if (!outcome.finished) {
    const { error, partial } = outcome;
    await comment(
      renderFailedMarkdown(
        { benchmark: config.name, error, partial },
        { runUrl, logs: reporting.logs }
      ),
      "failed"
    );
    const output = error instanceof InputError ? null : formatFailure({ benchmark: config.name, error, partial }, format, runUrl);
    if (output === null) throw error;
    const failure = error instanceof Error ? error : new BenchmarkError(String(error));
    return { output, verdict: "inconclusive", failOn: config.decision.failOn, error: failure };
  }
  const { results, unwritten, kept } = outcome;
  if (!unwritten) line(`Results: ${config.resultsFile}`);
  const verdict = stepVerdict(results);
  await comment(renderMarkdown(results, { runUrl }), verdict);
  return {
    output: formatResults(results, format, runUrl),
    verdict,
    failOn: config.decision.failOn,
    // Stacks that had to be kept fail the run whatever the verdict; so does a Ctrl-C
    // after the samples: what it stopped (the cleanup) is in the warnings.
    error: kept.length > 0 ? new StacksKept(kept.join("\n")) : unwritten ?? (interrupted?.aborted ? new BenchmarkError(
      `interrupted after the samples, while tearing down (${String(interrupted.reason.message)}); the verdict above stands`
    ) : void 0)
  };
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
