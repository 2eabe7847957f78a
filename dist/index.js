import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  actionLog
} from "./chunks/shared-index+post.js";
import {
  stepSecrets
} from "./chunks/shared-cli-main+index+post.js";
import {
  reportAnswer
} from "./chunks/shared-cli-report+index.js";
import "./chunks/shared-cli-compare+cli-report+index.js";
import {
  actionCalibrationSubject,
  calibrateResults,
  calibrationAnswer,
  parseCalibrationConfig
} from "./chunks/shared-cli-calibrate+index.js";
import {
  bisectAnswer,
  latestStepLogDir,
  parseBisectConfig,
  runBisect
} from "./chunks/shared-cli-bisect+index.js";
import {
  commentOnPullRequest,
  runLogDir,
  runPipeline,
  withInterrupts
} from "./chunks/shared-cli-bisect+cli-calibrate+cli-run+index.js";
import {
  configValues
} from "./chunks/shared-cli-bisect+cli-calibrate+cli-run+index+post.js";
import "./chunks/shared-cli+cli-bisect+cli-calibrate+cli-run+index.js";
import "./chunks/shared-cli-bisect+cli-calibrate+cli-compare+cli-run+index.js";
import {
  getInput,
  saveState,
  setOutput,
  setSecret,
  summary
} from "./chunks/shared-cli-bisect+cli-calibrate+cli-report+cli-run+index+post.js";
import {
  failedAnswer,
  inputValue,
  parseChoice,
  parseDecision,
  parseReporting,
  parseRunConfig,
  runAnswer,
  workflowRunUrl
} from "./chunks/shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run+index.js";
import {
  StacksKept,
  onRunningProcessesChange,
  redactLogs
} from "./chunks/shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run+index+post.js";
import {
  BISECT_INPUTS,
  BenchmarkError,
  Input,
  InputError,
  NO_SECRETS,
  describeError
} from "./chunks/shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";
import "./chunks/shared-cli+cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/action/modes/run-mode.ts
import { existsSync } from "node:fs";

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

// src/action/answer.ts
async function publishAnswer(answer, options) {
  setOutputs(answer.outputs);
  await publishReport({
    render: (logs) => answer.render("markdown", logs) ?? "",
    verdict: answer.verdict,
    ...options
  });
  announce(answer, options.log);
}
function setOutputs(outputs) {
  for (const [name, value] of Object.entries(outputs)) setOutput(name, value);
}
function announce(answer, log) {
  if (answer.headline !== void 0) {
    if (answer.fails) log.fail(answer.headline);
    else log.info(answer.headline);
  }
  if (answer.error) throw answer.error;
}

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

// src/action/guarded-run.ts
var MAIN_STEP_DEADLINE_MS = 6e3;
var LeftForPostStep = class extends BenchmarkError {
  name = "LeftForPostStep";
};
async function guardedRun(options, measure) {
  const { log } = options;
  const files = guardFileCommands(process.env);
  const restoreFiles = () => {
    for (const warning of files.restore()) log.warn(warning);
  };
  const stopSaving = onRunningProcessesChange(
    (processes) => files.saveState("processes" /* Processes */, JSON.stringify(processes))
  );
  let cancelled = false;
  try {
    await withInterrupts(
      (interrupts) => {
        const hooks = {
          progress: log.info,
          info: log.info,
          warn: log.warn,
          redact: log.redact,
          saveStacks: (serialized) => files.saveState("stacks" /* Stacks */, serialized),
          saveTeardown: (serialized) => files.saveState("teardown" /* Teardown */, serialized),
          signal: interrupts.first,
          teardownSignal: interrupts.first,
          deferTeardown: true,
          env: process.env
        };
        return Promise.race([measure({ hooks, restoreFiles }), deadlineAfter(interrupts.first)]);
      },
      {
        forward: "first",
        onSignal: (signal, count) => {
          if (!cancelled) files.saveState("cancelled-at" /* CancelledAt */, String(Date.now()));
          cancelled = true;
          log.warn(interruptMessage(signal, count, options.pulumi));
        }
      }
    );
  } finally {
    stopSaving();
    restoreFiles();
    if (cancelled) {
      for (const warning of await redactLogs(options.logDir(), log.redact)) {
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
function measureInAction(config, log, report) {
  const pulumi = config.target.kind === "pulumi";
  const logDir = () => runLogDir(config.resultsFile);
  return guardedRun({ log, pulumi, logDir }, async ({ hooks, restoreFiles }) => {
    const outcome = await runPipeline(config, hooks);
    restoreFiles();
    await report(outcome);
  });
}

// src/action/modes/run-mode.ts
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
  const answer = failedAnswer({ benchmark: name, error }, { runUrl: workflowRunUrl(process.env) });
  const render = (logs) => answer.render("markdown", logs) ?? "";
  await publishReport({ render, verdict: answer.verdict, reporting, token, log });
}
function measureAndPublish(config, reporting, token, log) {
  return measureInAction(config, log, async (outcome) => {
    const answer = runAnswer(config, outcome, workflowRunUrl(process.env));
    await publishAnswer(answer, { reporting, token, log });
  });
}

// src/action/modes/report-mode.ts
async function reportMode(raw, token, log) {
  const patterns = (inputValue(raw, "results" /* Results */) ?? "").split("\n").map((line) => line.trim()).filter(Boolean);
  if (patterns.length === 0) {
    throw new InputError(
      `${"results" /* Results */} is required in report mode: files or globs of results files`
    );
  }
  const decision = parseDecision(raw);
  const reporting = parseReporting(raw, process.env, "report");
  const answer = await reportAnswer(patterns, decision, {
    warn: log.warn,
    runUrl: workflowRunUrl(process.env)
  });
  const body = answer.render("markdown") ?? "";
  await publishAnswer({ ...answer, render: () => body }, { reporting, token, log });
}

// src/action/modes/calibrate-mode.ts
async function calibrateMode(raw, log) {
  const subject = actionCalibrationSubject(raw);
  const { config, thresholdText } = parseCalibrationConfig(raw, subject, process.env);
  await measureInAction(config, log, async (outcome) => {
    if (!outcome.finished) {
      const { error, partial } = outcome;
      const failed = failedAnswer(
        { benchmark: config.name, error, partial },
        { runUrl: workflowRunUrl(process.env) }
      );
      await writeJobSummary(log.redact(failed.render("markdown") ?? ""), log);
      announce(failed, log);
      return;
    }
    const calibrated = await calibrateResults(config, outcome.results, thresholdText, log.redact);
    setOutput("results-file" /* ResultsFile */, config.resultsFile);
    const answer = calibrationAnswer(calibrated);
    for (const line of (answer.render("text") ?? "").trimEnd().split("\n")) log.info(line);
    await writeJobSummary(log.redact(answer.render("markdown") ?? ""), log);
    if (outcome.kept.length > 0) throw new StacksKept(outcome.kept.join("\n"));
  });
}

// src/action/modes/bisect-mode.ts
import { existsSync as existsSync2 } from "node:fs";
async function bisectMode(raw, token, log) {
  const config = parseBisectConfig(raw, process.env);
  const { run: run2 } = config;
  const reporting = parseReporting(raw, process.env, run2.name);
  const logDir = () => latestStepLogDir(run2.resultsFile);
  try {
    await guardedRun({ log, pulumi: true, logDir }, async ({ hooks, restoreFiles }) => {
      const outcome = await runBisect(config, hooks);
      restoreFiles();
      const answer = bisectAnswer(config, outcome, workflowRunUrl(process.env));
      await publishAnswer(answer, { reporting, token, log });
    });
  } finally {
    if (existsSync2(run2.resultsFile)) setOutput("results-file" /* ResultsFile */, run2.resultsFile);
  }
}

// src/action/main.ts
var MODES = {
  run: runMode,
  report: reportMode,
  // Calibrate comments on no pull request: it needs no token.
  calibrate: (raw, _token, log) => calibrateMode(raw, log),
  bisect: bisectMode
};
function readActionInputs() {
  return Object.fromEntries(Object.values(Input).map((input) => [input, getInput(input)]));
}
async function run() {
  let log = actionLog(NO_SECRETS);
  try {
    const raw = readActionInputs();
    const given = raw["github-token" /* GithubToken */] ?? "";
    const token = given.startsWith("${{") ? "" : given;
    const secrets = stepSecrets(process.env, token, configValues(raw["config" /* Config */] ?? ""));
    for (const secret of secrets.values) setSecret(secret);
    log = actionLog(secrets.redact);
    const modes = Object.keys(MODES);
    const mode = parseChoice("mode" /* Mode */, inputValue(raw, "mode" /* Mode */) ?? "run", modes);
    const ignored = BISECT_INPUTS.find((input) => inputValue(raw, input) !== void 0);
    if (mode !== "bisect" && ignored !== void 0) {
      throw new InputError(`${ignored} applies to mode: bisect only; leave it out in mode: ${mode}`);
    }
    await MODES[mode](raw, token, log);
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
