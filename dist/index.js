import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  StacksKept,
  commentOnPullRequest,
  runPipeline,
  withInterrupts
} from "./chunks/shared-cli-run+index.js";
import {
  onRunningProcessesChange
} from "./chunks/shared-cli-run+index+post.js";
import "./chunks/shared-cli+cli-run+index.js";
import {
  joinResults,
  multiHeadline,
  overallVerdict,
  renderMultiMarkdown
} from "./chunks/shared-cli-report+index.js";
import {
  getInput,
  info,
  saveState,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunks/shared-cli-report+cli-run+index+post.js";
import "./chunks/shared-cli-compare+cli-report+index.js";
import {
  headline,
  inputValue,
  parseChoice,
  parseDecision,
  parseReporting,
  parseRunConfig,
  renderMarkdown
} from "./chunks/shared-cli-compare+cli-report+cli-run+index.js";
import {
  failsCheck
} from "./chunks/shared-cli-compare+cli-main+cli-report+cli-run+index.js";
import {
  BenchmarkError,
  Input,
  InputError,
  describeError
} from "./chunks/shared-cli-compare+cli-main+cli-report+cli-run+index+post.js";
import "./chunks/shared-cli+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/action/inputs.ts
function readActionInputs() {
  return Object.fromEntries(Object.values(Input).map((input) => [input, getInput(input)]));
}

// src/action/publish.ts
async function publishReport(options) {
  await summary.addRaw(options.body, true).write();
  const url = await commentOnPullRequest({
    ...options,
    env: process.env,
    info,
    warn: warning
  });
  setOutput("comment-url" /* CommentUrl */, url ?? "");
}

// src/action/run-mode.ts
var MAIN_STEP_DEADLINE_MS = 6e3;
var LeftForPostStep = class extends BenchmarkError {
  name = "LeftForPostStep";
};
async function runMode(raw, token) {
  const config = parseRunConfig(raw, process.env);
  const reporting = parseReporting(raw, process.env, config.name);
  setOutput("results-file" /* ResultsFile */, config.resultsFile);
  const stopSaving = onRunningProcessesChange(
    (processes) => saveState("processes" /* Processes */, JSON.stringify(processes))
  );
  const measureAndReport = async (signal) => {
    const { results, kept } = await runPipeline(config, {
      progress: info,
      info,
      warn: warning,
      saveStacks: (serialized) => saveState("stacks" /* Stacks */, serialized),
      saveTeardown: (serialized) => saveState("teardown" /* Teardown */, serialized),
      signal,
      teardownSignal: signal,
      deferTeardown: true,
      env: process.env
    });
    setResultOutputs(results);
    await publishReport({
      body: renderMarkdown(results),
      verdict: results.comparison.verdict,
      reporting,
      token
    });
    if (kept.length > 0) throw new StacksKept(kept.join("\n"));
    if (failsCheck(results.comparison.verdict, config.decision.failOn)) {
      setFailed(headline(results));
    }
  };
  try {
    await withInterrupts(
      (interrupts) => Promise.race([measureAndReport(interrupts.first), deadlineAfter(interrupts.first)]),
      {
        forward: "first",
        onSignal: (signal, count) => warning(interruptMessage(signal, count))
      }
    );
  } finally {
    stopSaving();
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
function interruptMessage(signal, count) {
  if (count === 1) {
    return `Received ${signal}: stopping the benchmark; Pulumi finishes the operations in flight, and the post step destroys and removes the stacks`;
  }
  return `Received ${signal}: already stopping`;
}
function setResultOutputs(results) {
  const { comparison } = results;
  const mean = (group) => results.results.find((result) => result.parameters.group === group)?.mean ?? "";
  setOutput("verdict" /* Verdict */, comparison.verdict);
  setOutput("ratio" /* Ratio */, comparison.ratio.value);
  setOutput("p-value" /* PValue */, comparison.welch.pRegression);
  setOutput("baseline-mean" /* BaselineMean */, mean(comparison.baseline));
  setOutput("candidate-mean" /* CandidateMean */, mean(comparison.candidate));
  setOutput("samples" /* Samples */, comparison.samples);
}

// src/action/report-mode.ts
async function reportMode(raw, token) {
  const patterns = (inputValue(raw, "results" /* Results */) ?? "").split("\n").map((line) => line.trim()).filter(Boolean);
  if (patterns.length === 0) {
    throw new InputError(
      `${"results" /* Results */} is required in report mode: files or globs of results files`
    );
  }
  const decision = parseDecision(raw);
  const reporting = parseReporting(raw, process.env, "report");
  const items = await joinResults(patterns, { ...decision, warn: warning });
  const verdict = overallVerdict(items);
  setOutput("verdict" /* Verdict */, verdict);
  if (items.length === 1) {
    const { comparison } = items[0].results;
    setOutput("ratio" /* Ratio */, comparison.ratio.value);
    setOutput("p-value" /* PValue */, items[0].pAdjusted);
    setOutput("samples" /* Samples */, comparison.samples);
  }
  await publishReport({
    body: renderMultiMarkdown(items),
    verdict,
    reporting,
    token
  });
  if (failsCheck(verdict, decision.failOn)) setFailed(multiHeadline(items));
}

// src/action/main.ts
async function run() {
  try {
    const raw = readActionInputs();
    const given = raw["github-token" /* GithubToken */] ?? "";
    const token = given.startsWith("${{") ? "" : given;
    if (token !== "") setSecret(token);
    const mode = parseChoice("mode" /* Mode */, inputValue(raw, "mode" /* Mode */) ?? "run", ["run", "report"]);
    await (mode === "report" ? reportMode(raw, token) : runMode(raw, token));
  } catch (error) {
    setFailed(describeError(error));
  }
}

// src/action/exit.ts
async function exitWhenFlushed() {
  await Promise.all(
    [process.stdout, process.stderr].map(
      (stream) => new Promise((resolve) => stream.write("", () => resolve()))
    )
  );
  process.exit();
}

// src/index.ts
await run();
await exitWhenFlushed();
