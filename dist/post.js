import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  actionLog
} from "./chunks/shared-index+post.js";
import {
  stepSecrets
} from "./chunks/shared-cli-main+index+post.js";
import {
  StackLedger,
  configValues,
  decodeSavedRun
} from "./chunks/shared-cli-bisect+cli-calibrate+cli-run+index+post.js";
import {
  getInput,
  getState
} from "./chunks/shared-cli-bisect+cli-calibrate+cli-report+cli-run+index+post.js";
import {
  describeProcess,
  killTrackedProcesses,
  runTeardown,
  signalProcess,
  waitForProcesses
} from "./chunks/shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run+index+post.js";
import {
  describeError
} from "./chunks/shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";
import "./chunks/shared-cli+cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/teardown/post-step.ts
import { setTimeout as sleep } from "node:timers/promises";
var POST_STEP_BUDGET_MS = 4 * 6e4;
var AFTER_CANCEL_BUDGET_MS = 4 * 6e4 + 3e4;
var WAIT_FOR_RUNNING_MS = 9e4;
var AFTER_SECOND_SIGINT_MS = 15e3;
var SPARED_RESERVE_MS = AFTER_SECOND_SIGINT_MS + 6e4;
function postStepDeadline(now, budgetMs, cancelledAt) {
  const fromStart = now + budgetMs;
  return cancelledAt === void 0 ? fromStart : Math.min(fromStart, cancelledAt + AFTER_CANCEL_BUDGET_MS);
}
function runningWaitMs(leftMs, spared, waitMs) {
  const ceiling = spared ? leftMs - SPARED_RESERVE_MS : leftMs / 2;
  return Math.max(0, Math.min(waitMs ?? (spared ? Infinity : WAIT_FOR_RUNNING_MS), ceiling));
}
async function finishTeardown(saved, options) {
  const deadline = postStepDeadline(
    Date.now(),
    options.budgetMs ?? POST_STEP_BUDGET_MS,
    saved.cancelledAt
  );
  const ledger = StackLedger.restore(saved.stacks);
  const spared = saved.processes.some((process2) => process2.spareOnCancel);
  const waitMs = runningWaitMs(deadline - Date.now(), spared, options.waitMs);
  const interrupted = saved.processes.map(
    (process2) => process2.interruptible && !process2.spareOnCancel && process2.interrupts === 0 ? signalProcess(process2, "SIGINT") : process2
  );
  let left = await waitForProcesses(interrupted, 0);
  const killAfterMs = Math.max(0, ...left.map((process2) => process2.killAfterMs ?? 0));
  if (killAfterMs > 0) {
    await sleep(killAfterMs);
    left = left.map(
      (process2) => process2.killAfterMs === void 0 ? process2 : signalProcess(process2, "SIGKILL")
    );
  }
  left = await waitForProcesses(left, 0);
  if (left.length > 0) {
    options.log(`Waiting up to ${waitMs / 1e3} s for ${describe(left)} to finish`);
    left = await waitForProcesses(left, waitMs);
  }
  if (left.length > 0) {
    options.log(`Still running, stopping at once: ${describe(left)}`);
    const stopped = left.map(
      (process2) => process2.interruptible ? signalProcess(process2, "SIGINT") : process2
    );
    left = await waitForProcesses(stopped, options.afterSecondSigintMs ?? AFTER_SECOND_SIGINT_MS);
  }
  for (const ended of saved.processes.filter((process2) => !left.some((l) => l.pid === process2.pid))) {
    if (ended.trackingId !== void 0) killTrackedProcesses(ended.trackingId);
  }
  if (ledger.stacks.length > 0) {
    options.log(`Removing ${ledger.stacks.length} stack(s) left by the main step`);
  }
  return runTeardown(saved.plan, ledger, {
    onStop: "keep",
    busy: left,
    deadline,
    log: options.log,
    ...options.redact ? { redact: options.redact } : {}
  });
}
function describe(processes) {
  return processes.map(describeProcess).join(", ");
}

// src/action/post.ts
async function cleanUpAfterMain() {
  const config = configValues(getInput("config" /* Config */));
  const log = actionLog(stepSecrets(process.env, getInput("github-token" /* GithubToken */), config).redact);
  try {
    const saved = decodeSavedRun({
      stacks: getState("stacks" /* Stacks */),
      plan: getState("teardown" /* Teardown */),
      processes: getState("processes" /* Processes */),
      cancelledAt: getState("cancelled-at" /* CancelledAt */)
    });
    if (saved === void 0) return;
    const report = await finishTeardown(saved, { log: log.info, redact: log.redact });
    for (const warning of report.warnings) log.warn(warning);
    if (report.kept.length > 0) log.fail(report.kept.join("\n"));
  } catch (error) {
    log.fail(`post step: ${describeError(error)}`);
  }
}

// src/post.ts
await cleanUpAfterMain();
