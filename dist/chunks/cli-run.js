import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  commentOnPullRequest,
  renderFailedMarkdown,
  runPipeline,
  withSignalAbort
} from "./shared-cli-run+index.js";
import "./shared-cli-run+index+post.js";
import "./shared-cli+cli-run+index.js";
import {
  formatResults
} from "./shared-cli-compare+cli-run.js";
import "./shared-cli-report+cli-run+index+post.js";
import {
  parseChoice,
  parseReporting,
  parseRunConfig,
  renderMarkdown,
  workflowRunUrl
} from "./shared-cli-compare+cli-report+cli-run+index.js";
import "./shared-cli-main+cli-run+index+post.js";
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
  const outcome = await withSignalAbort(
    (signal) => runPipeline(config, {
      progress: line,
      info: line,
      warn: (text) => line(`warning: ${text}`),
      redact: io.redact,
      signal,
      env: io.env
    }),
    (signal) => line(`Received ${signal}: stopping, cleaning up\u2026`)
  );
  const runUrl = workflowRunUrl(io.env);
  const comment = (body, verdict) => commentOnPullRequest({
    body: io.redact(body),
    verdict,
    reporting,
    token: io.env.GITHUB_TOKEN ?? "",
    env: io.env,
    info: line,
    warn: (text) => line(`warning: ${text}`)
  });
  if (!outcome.finished) {
    const { error, partial } = outcome;
    await comment(
      renderFailedMarkdown({ benchmark: config.name, error, partial }, { runUrl }),
      "failed"
    );
    throw error;
  }
  const { results, unwritten } = outcome;
  if (!unwritten) line(`Results: ${config.resultsFile}`);
  await comment(renderMarkdown(results, { runUrl }), results.comparison.verdict);
  return {
    output: formatResults(results, format, runUrl),
    verdict: results.comparison.verdict,
    failOn: config.decision.failOn,
    error: unwritten
  };
};
export {
  runCommand
};
