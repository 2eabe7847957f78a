import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  BenchmarkError
} from "./chunk-B6SFZLKL.js";

// src/pulumi/stacks.ts
import { mkdir, mkdtemp } from "node:fs/promises";
import path from "node:path";

// src/pulumi/run.ts
import { spawn } from "node:child_process";
function runCaptured(file, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
      windowsHide: true
    });
    let stdout = "";
    let stderr = "";
    let spawnError;
    let timedOut = false;
    const timer = options.timeoutMs === void 0 ? void 0 : setTimeout(() => {
      timedOut = true;
      child.kill();
    }, options.timeoutMs);
    child.stdout.setEncoding("utf8").on("data", (chunk) => stdout += chunk);
    child.stderr.setEncoding("utf8").on("data", (chunk) => stderr += chunk);
    child.on("error", (error) => spawnError = error.message);
    child.on("close", (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, stdout, stderr, timedOut, ...spawnError ? { spawnError } : {} });
    });
  });
}
function describeFailure(file, args, result) {
  const command = [file, ...args].join(" ");
  if (result.spawnError) return `${command} could not start: ${result.spawnError}`;
  const status = result.timedOut ? "timed out" : result.exitCode === null ? "was killed" : `failed with exit code ${result.exitCode}`;
  const output = `${result.stdout}
${result.stderr}`;
  const errorLines = output.split(/\r?\n/).filter((line) => /^error:/i.test(line.trim()));
  const reason = errorLines.at(-1)?.trim() ?? lastLine(output);
  return reason ? `${command} ${status}: ${reason}` : `${command} ${status}`;
}
function lastLine(output) {
  const lines = output.split(/\r?\n/).filter((line) => line.trim() !== "");
  return lines.at(-1)?.trim() ?? "";
}

// src/pulumi/stacks.ts
var SETUP_TIMEOUT_MS = 5 * 6e4;
var DESTROY_TIMEOUT_MS = 30 * 6e4;
function pulumiEnv(ref, base = process.env) {
  const pathKey = Object.keys(base).find((key) => key.toUpperCase() === "PATH") ?? "PATH";
  const searchPath = [path.dirname(ref.binary), base[pathKey]].filter(Boolean).join(path.delimiter);
  const env = {
    [pathKey]: searchPath,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_BACKEND_URL: ref.backendUrl
  };
  const hasPassphrase = base["PULUMI_CONFIG_PASSPHRASE"] !== void 0 || base["PULUMI_CONFIG_PASSPHRASE_FILE"] !== void 0;
  if (ref.backendUrl.startsWith("file://") && !hasPassphrase) env["PULUMI_CONFIG_PASSPHRASE"] = "";
  return env;
}
async function makeLocalBackend(parentDir) {
  await mkdir(parentDir, { recursive: true });
  const folder = await mkdtemp(path.join(parentDir, "pulumi-backend-"));
  return `file://${folder.split(path.sep).join("/")}`;
}
function destroyArgs(stack) {
  return ["destroy", "--yes", "--skip-preview", "--non-interactive", "--stack", stack];
}
function upArgs(stack, parallel) {
  const args = ["up", "--yes", "--skip-preview", "--non-interactive", "--stack", stack];
  return parallel === void 0 ? args : [...args, "--parallel", String(parallel)];
}
async function initStack(ref, config) {
  const init = ["stack", "init", ref.stack, "--non-interactive"];
  const created = await runPulumi(ref, init, SETUP_TIMEOUT_MS);
  if (created.exitCode !== 0) {
    const exists = /already exists/i.test(created.stderr + created.stdout);
    if (!exists) throw setupError(ref, init, created);
    const select = ["stack", "select", ref.stack, "--non-interactive"];
    const selected = await runPulumi(ref, select, SETUP_TIMEOUT_MS);
    if (selected.exitCode !== 0) throw setupError(ref, select, selected);
  }
  for (const { key, value } of config) {
    const args = ["config", "set", "--stack", ref.stack, "--non-interactive", "--", key];
    const result = await runPulumi(ref, [...args, value], SETUP_TIMEOUT_MS);
    if (result.exitCode !== 0) throw setupError(ref, [...args, "<value>"], result);
  }
}
function pulumiBenchGroup(options) {
  const { ref } = options;
  const env = pulumiEnv(ref);
  const step = (args) => ({
    command: { kind: "argv", file: ref.binary, args },
    env,
    cwd: ref.programDir
  });
  return {
    name: options.name,
    label: `pulumi ${options.version}`,
    timed: step(upArgs(ref.stack, options.parallel)),
    prepare: [step(destroyArgs(ref.stack)), ...options.prepare ?? []]
  };
}
async function removeStack(ref, timeoutMs = DESTROY_TIMEOUT_MS) {
  const destroy = destroyArgs(ref.stack);
  const destroyed = await runPulumi(ref, destroy, timeoutMs);
  if (isMissingStack(destroyed)) return;
  if (destroyed.exitCode !== 0) {
    throw new Error(`${describe(ref, destroy, destroyed)}; its resources may still exist`);
  }
  const remove = ["stack", "rm", "--yes", "--non-interactive", "--stack", ref.stack];
  const removed = await runPulumi(ref, remove, SETUP_TIMEOUT_MS);
  if (removed.exitCode !== 0 && !isMissingStack(removed)) {
    throw new Error(describe(ref, remove, removed));
  }
}
function runPulumi(ref, args, timeoutMs) {
  return runCaptured(ref.binary, args, { cwd: ref.programDir, env: pulumiEnv(ref), timeoutMs });
}
function isMissingStack(result) {
  return result.exitCode !== 0 && /no stack named .* found/i.test(result.stderr + result.stdout);
}
function describe(ref, args, result) {
  return describeFailure(path.basename(ref.binary), args, result);
}
function setupError(ref, args, result) {
  return new BenchmarkError(`could not set up stack ${ref.stack}: ${describe(ref, args, result)}`);
}

// src/pulumi/ledger.ts
var StackLedger = class _StackLedger {
  #stacks = [];
  #onChange;
  #cleanup;
  constructor(onChange) {
    this.#onChange = onChange;
  }
  /** A ledger from `serialize()`'s output; throws on anything else. */
  static restore(serialized, onChange) {
    const ledger = new _StackLedger(onChange);
    ledger.#stacks.push(...parseStacks(serialized));
    return ledger;
  }
  get stacks() {
    return this.#stacks;
  }
  record(ref) {
    if (this.#stacks.some((known) => sameStack(known, ref))) return;
    this.#stacks.push({ ...ref });
    this.#onChange?.(this.serialize());
  }
  serialize() {
    return JSON.stringify({ version: 1, stacks: this.#stacks });
  }
  /**
   * Destroys and removes every recorded stack, newest first, continuing past failures.
   * Returns one line per stack that could not be removed. Each stack leaves the ledger
   * once tried, so a later call does nothing; a call while one runs waits for it.
   */
  destroyAll(options = {}) {
    this.#cleanup ??= this.#removeAll(options.timeoutMs).finally(() => {
      this.#cleanup = void 0;
    });
    return this.#cleanup;
  }
  async #removeAll(timeoutMs) {
    const warnings = [];
    for (let ref = this.#stacks.at(-1); ref; ref = this.#stacks.at(-1)) {
      try {
        await removeStack(ref, timeoutMs);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        warnings.push(`could not remove stack ${ref.stack} (${ref.backendUrl}): ${reason}`);
      }
      this.#stacks.splice(this.#stacks.indexOf(ref), 1);
      this.#onChange?.(this.serialize());
    }
    return warnings;
  }
};
function sameStack(a, b) {
  return a.stack === b.stack && a.backendUrl === b.backendUrl && a.programDir === b.programDir;
}
function parseStacks(serialized) {
  let data;
  try {
    data = JSON.parse(serialized);
  } catch {
    data = void 0;
  }
  const stacks = data?.stacks;
  if (!Array.isArray(stacks) || !stacks.every(isStackRef)) {
    throw new Error(`the saved list of stacks is not readable: ${serialized.slice(0, 80)}`);
  }
  return stacks;
}
function isStackRef(value) {
  if (typeof value !== "object" || value === null) return false;
  const fields = value;
  return ["binary", "programDir", "stack", "backendUrl"].every(
    (key) => typeof fields[key] === "string"
  );
}

export {
  runCaptured,
  describeFailure,
  pulumiEnv,
  makeLocalBackend,
  initStack,
  pulumiBenchGroup,
  StackLedger
};
