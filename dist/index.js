import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  actionLog
} from "./chunks/shared-index+post.js";
import {
  joinResults,
  joinedHeadline,
  keepOwnRunLinks,
  overallVerdict,
  renderMultiMarkdown,
  renderUnfinishedMarkdown,
  unfinishedFailure
} from "./chunks/shared-cli-report+index.js";
import "./chunks/shared-cli-compare+cli-report+index.js";
import {
  StacksKept,
  commentOnPullRequest,
  runLogDir,
  runPipeline,
  withInterrupts
} from "./chunks/shared-cli-calibrate+cli-run+index.js";
import {
  configValues,
  onRunningProcessesChange,
  redactLogs
} from "./chunks/shared-cli-calibrate+cli-run+index+post.js";
import "./chunks/shared-cli+cli-calibrate+cli-run+index.js";
import "./chunks/shared-cli-calibrate+cli-compare+cli-run+index.js";
import {
  getInput,
  saveState,
  setOutput,
  setSecret,
  summary
} from "./chunks/shared-cli-calibrate+cli-report+cli-run+index+post.js";
import {
  headline,
  inputValue,
  parseChoice,
  parseDecision,
  parseReporting,
  parseRunConfig,
  renderFailedMarkdown,
  renderMarkdown,
  stepVerdict,
  workflowRunUrl
} from "./chunks/shared-cli-calibrate+cli-compare+cli-report+cli-run+index.js";
import "./chunks/shared-cli-calibrate+cli-compare+cli-report+cli-run+index+post.js";
import {
  stepSecrets
} from "./chunks/shared-cli-main+index+post.js";
import {
  NO_SECRETS
} from "./chunks/shared-cli-calibrate+cli-main+cli-run+index+post.js";
import {
  failsCheck
} from "./chunks/shared-cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index.js";
import {
  BenchmarkError,
  Input,
  InputError,
  describeError
} from "./chunks/shared-cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";
import "./chunks/shared-cli+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/action/inputs.ts
function readActionInputs() {
  return Object.fromEntries(Object.values(Input).map((input) => [input, getInput(input)]));
}

// src/action/run-mode.ts
import { existsSync } from "node:fs";

// src/action/file-commands.ts
import { statSync, truncateSync } from "node:fs";
var GUARDED = [
  "GITHUB_ENV",
  "GITHUB_PATH",
  "GITHUB_OUTPUT",
  "GITHUB_STEP_SUMMARY",
  "GITHUB_STATE"
];
function guardFileCommands(env) {
  const sizes = /* @__PURE__ */ new Map();
  for (const name of GUARDED) {
    const size = sizeOf(env[name]);
    if (size !== void 0) sizes.set(name, size);
  }
  const state = /* @__PURE__ */ new Map();
  let restored = false;
  return {
    saveState: (name, value) => {
      state.set(name, value);
      saveState(name, value);
    },
    restore: () => {
      if (restored) return [];
      restored = true;
      const warnings = [];
      for (const [name, size] of sizes) {
        const path = env[name];
        const now = sizeOf(path);
        if (now === void 0 || now === size) continue;
        truncateSync(path, size);
        if (name !== "GITHUB_STATE") {
          warnings.push(
            `a command wrote to ${name} while the benchmark ran; what it wrote was removed, so it changes no later step`
          );
        }
      }
      for (const [name, value] of state) saveState(name, value);
      return warnings;
    }
  };
}
function sizeOf(path) {
  if (path === void 0 || path === "") return void 0;
  try {
    return statSync(path).size;
  } catch {
    return void 0;
  }
}

// src/action/publish.ts
import { appendFile } from "node:fs/promises";
async function publishReport(options) {
  const { log, render, reporting } = options;
  await writeJobSummary(log.redact(render(true)), log);
  const url = await commentOnPullRequest({
    ...options,
    body: log.redact(render(reporting.logs)),
    env: process.env,
    info: log.info,
    warn: log.warn
  });
  setOutput("comment-url" /* CommentUrl */, url ?? "");
}
async function writeJobSummary(body, log) {
  const path = process.env.GITHUB_STEP_SUMMARY;
  try {
    if (path) await appendFile(path, "");
    await summary.addRaw(body, true).write();
  } catch (error) {
    summary.emptyBuffer();
    log.warn(
      `The job summary was not written (${describeError(error)}); the report is in the pull-request comment, when one is posted, and in the results file.`
    );
  }
}

// src/action/run-mode.ts
var MAIN_STEP_DEADLINE_MS = 6e3;
var LeftForPostStep = class extends BenchmarkError {
  name = "LeftForPostStep";
};
async function runMode(raw, token, log) {
  let config;
  try {
    config = parseRunConfig(raw, process.env);
  } catch (error) {
    await reportBadInput(raw, error, token, log);
    throw error;
  }
  const reporting = parseReporting(raw, process.env, config.name);
  try {
    await measureAndPublish(config, reporting, token, log);
  } finally {
    if (existsSync(config.resultsFile)) setOutput("results-file" /* ResultsFile */, config.resultsFile);
  }
}
async function reportBadInput(raw, error, token, log) {
  const name = inputValue(raw, "name" /* Name */) ?? "benchmark";
  let reporting;
  try {
    reporting = parseReporting(raw, process.env, name);
  } catch {
    return;
  }
  const render = (logs) => renderFailedMarkdown({ benchmark: name, error }, { runUrl: workflowRunUrl(process.env), logs });
  await publishReport({ render, verdict: "failed", reporting, token, log });
}
async function measureAndPublish(config, reporting, token, log) {
  const files = guardFileCommands(process.env);
  const restoreFiles = () => {
    for (const warning of files.restore()) log.warn(warning);
  };
  const stopSaving = onRunningProcessesChange(
    (processes) => files.saveState("processes" /* Processes */, JSON.stringify(processes))
  );
  const measureAndReport = async (signal) => {
    const outcome = await runPipeline(config, {
      progress: log.info,
      info: log.info,
      warn: log.warn,
      redact: log.redact,
      saveStacks: (serialized) => files.saveState("stacks" /* Stacks */, serialized),
      saveTeardown: (serialized) => files.saveState("teardown" /* Teardown */, serialized),
      signal,
      teardownSignal: signal,
      deferTeardown: true,
      env: process.env
    });
    restoreFiles();
    const runUrl = workflowRunUrl(process.env);
    if (!outcome.finished) {
      const { error, partial } = outcome;
      const render = (logs) => renderFailedMarkdown({ benchmark: config.name, error, partial }, { runUrl, logs });
      await publishReport({ render, verdict: "failed", reporting, token, log });
      throw error;
    }
    const { results, unwritten, kept } = outcome;
    setResultOutputs(results);
    const verdict = stepVerdict(results);
    const body = renderMarkdown(results, { runUrl });
    await publishReport({
      render: () => body,
      verdict,
      reporting,
      token,
      log
    });
    if (failsCheck(verdict, config.decision.failOn)) log.fail(headline(results));
    else log.info(headline(results));
    if (kept.length > 0) throw new StacksKept(kept.join("\n"));
    if (unwritten) throw unwritten;
  };
  let cancelled = false;
  try {
    await withInterrupts(
      (interrupts) => Promise.race([measureAndReport(interrupts.first), deadlineAfter(interrupts.first)]),
      {
        forward: "first",
        onSignal: (signal, count) => {
          if (!cancelled) files.saveState("cancelled-at" /* CancelledAt */, String(Date.now()));
          cancelled = true;
          log.warn(interruptMessage(signal, count, config.target.kind === "pulumi"));
        }
      }
    );
  } finally {
    stopSaving();
    restoreFiles();
    if (cancelled) {
      for (const warning of await redactLogs(runLogDir(config.resultsFile), log.redact)) {
        log.warn(warning);
      }
    }
  }
}
function deadlineAfter(signal) {
  return new Promise((_, reject) => {
    signal.addEventListener(
      "abort",
      () => {
        const timer = setTimeout(() => {
          reject(
            new LeftForPostStep(
              "the job was cancelled; what is left to stop and remove is left to the post step"
            )
          );
        }, MAIN_STEP_DEADLINE_MS);
        timer.unref();
      },
      { once: true }
    );
  });
}
function interruptMessage(signal, count, pulumi) {
  if (count === 1) {
    return pulumi ? `Received ${signal}: stopping the benchmark; Pulumi finishes the operations in flight, and the post step destroys and removes the stacks` : `Received ${signal}: stopping the benchmark; the post step runs what is left of the teardown`;
  }
  return `Received ${signal}: already stopping`;
}
function setResultOutputs(results) {
  const { comparison } = results;
  const mean = (group) => results.results.find((result) => result.parameters.group === group)?.mean ?? "";
  setOutput("verdict" /* Verdict */, stepVerdict(results));
  setOutput("verdicts" /* Verdicts */, JSON.stringify(results.family?.verdicts ?? {}));
  setOutput("ratio" /* Ratio */, comparison.ratio.value);
  setOutput("p-value" /* PValue */, comparison.welch.pRegression);
  setOutput("baseline-mean" /* BaselineMean */, mean(comparison.baseline));
  setOutput("candidate-mean" /* CandidateMean */, mean(comparison.candidate));
  setOutput("samples" /* Samples */, comparison.samples);
}

// src/action/report-mode.ts
async function reportMode(raw, token, log) {
  const patterns = (inputValue(raw, "results" /* Results */) ?? "").split("\n").map((line) => line.trim()).filter(Boolean);
  if (patterns.length === 0) {
    throw new InputError(
      `${"results" /* Results */} is required in report mode: files or globs of results files`
    );
  }
  const decision = parseDecision(raw);
  const reporting = parseReporting(raw, process.env, "report");
  const { items, unfinished } = await joinResults(patterns, { ...decision, warn: log.warn });
  const runUrl = workflowRunUrl(process.env);
  const total = items.length + unfinished.length;
  if (items.length === 0) {
    const body2 = renderUnfinishedMarkdown(unfinished, { runUrl });
    await publishReport({ render: () => body2, verdict: "failed", reporting, token, log });
    throw unfinishedFailure(unfinished, total);
  }
  keepOwnRunLinks(items, runUrl);
  const body = renderMultiMarkdown(items, { runUrl, unfinished });
  const verdict = overallVerdict(items);
  setOutput("verdict" /* Verdict */, verdict);
  setOutput("verdicts" /* Verdicts */, "{}");
  if (items.length === 1) {
    const { comparison } = items[0].results;
    setOutput("ratio" /* Ratio */, comparison.ratio.value);
    setOutput("p-value" /* PValue */, items[0].pAdjusted);
    setOutput("samples" /* Samples */, comparison.samples);
  }
  const shown = joinedHeadline({ items, unfinished });
  await publishReport({ render: () => body, verdict: shown.verdict, reporting, token, log });
  if (failsCheck(verdict, decision.failOn)) log.fail(shown.headline);
  else log.info(shown.headline);
  if (unfinished.length > 0) throw unfinishedFailure(unfinished, total);
}

// src/action/main.ts
async function run() {
  let log = actionLog(NO_SECRETS);
  try {
    const raw = readActionInputs();
    const given = raw["github-token" /* GithubToken */] ?? "";
    const token = given.startsWith("${{") ? "" : given;
    const secrets = stepSecrets(process.env, token, configValues(raw["config" /* Config */] ?? ""));
    for (const secret of secrets.values) setSecret(secret);
    log = actionLog(secrets.redact);
    const mode = parseChoice("mode" /* Mode */, inputValue(raw, "mode" /* Mode */) ?? "run", ["run", "report"]);
    await (mode === "report" ? reportMode(raw, token, log) : runMode(raw, token, log));
  } catch (error) {
    log.fail(describeError(error));
  }
}

// src/action/exit.ts
async function exitWhenFlushed() {
  await Promise.all(
    [process.stdout, process.stderr].map(
      (stream) => new Promise((resolve) => {
        stream.once("error", () => resolve());
        stream.write("", () => resolve());
      })
    )
  );
  process.exit();
}

// src/index.ts
await run();
await exitWhenFlushed();
