import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  commentOnPullRequest,
  runPipeline,
  withSignalAbort
} from "./chunks/chunk-2JWI2TVV.js";
import "./chunks/chunk-FPSLPWEP.js";
import "./chunks/chunk-IMGMDCXO.js";
import {
  joinResults,
  multiHeadline,
  overallVerdict,
  renderMultiMarkdown
} from "./chunks/chunk-ZQXHXDV5.js";
import {
  getInput,
  info,
  saveState,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunks/chunk-N42MG7A3.js";
import "./chunks/chunk-6ZTEGNKN.js";
import {
  headline,
  inputValue,
  parseChoice,
  parseDecision,
  parseReporting,
  parseRunConfig,
  renderMarkdown
} from "./chunks/chunk-VFJLKELW.js";
import {
  failsCheck
} from "./chunks/chunk-2DPYQKST.js";
import {
  Input,
  InputError,
  describeError
} from "./chunks/chunk-B6SFZLKL.js";
import "./chunks/chunk-HIUQPB7O.js";

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
async function runMode(raw, token) {
  const config = parseRunConfig(raw, process.env);
  const reporting = parseReporting(raw, process.env, config.name);
  setOutput("results-file" /* ResultsFile */, config.resultsFile);
  const results = await withSignalAbort(
    (signal) => runPipeline(config, {
      progress: info,
      info,
      warn: warning,
      saveStacks: (serialized) => saveState("stacks" /* Stacks */, serialized),
      signal,
      env: process.env
    }),
    (signal) => warning(`Received ${signal}: stopping the benchmark and cleaning up`)
  );
  setResultOutputs(results);
  await publishReport({
    body: renderMarkdown(results),
    verdict: results.comparison.verdict,
    reporting,
    token
  });
  if (failsCheck(results.comparison.verdict, config.decision.failOn)) {
    setFailed(headline(results));
  }
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

// src/index.ts
await run();
