import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  InputError
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/pulumi/stack/config-input.ts
function parseConfigInput(text, input = "config") {
  const entries = [];
  for (const [index, rawLine] of text.split(/\r?\n/).entries()) {
    const line = rawLine.trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = /^(\S+?):(?:\s+(.*))?$/.exec(line);
    if (!match?.[1]) {
      throw new InputError(
        // Never the line itself: it may be a secret value (a line of a PEM key).
        `${input}: line ${index + 1} is not allowed; write one "key: value" per line`
      );
    }
    entries.push({ key: match[1], value: unquote(match[2] ?? "") });
  }
  return entries;
}
function unquote(value) {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted ? quoted[2] ?? "" : value;
}
function configValues(text) {
  return text.split(/\r?\n/).map((line) => /^\s*[^\s#]\S*?:\s+(.*)$/.exec(line)?.[1]?.trim()).filter((value) => value !== void 0 && value !== "").map(unquote);
}

// src/teardown/saved-state.ts
function encodeStacks(stacks) {
  return JSON.stringify({ version: 1, stacks });
}
function encodePlan(plan) {
  return JSON.stringify({ version: 1, ...plan });
}
function decodeSavedRun(saved) {
  const stacks = saved.stacks === "" ? [] : decodeStacks(saved.stacks);
  if (saved.plan === "" && stacks.length === 0) return void 0;
  if (saved.plan === "")
    throw new Error("the main step saved stacks but not the rest of its teardown");
  const cancelledAt = Number(saved.cancelledAt);
  return {
    stacks,
    plan: decodePlan(saved.plan),
    processes: saved.processes === "" ? [] : decodeProcesses(saved.processes),
    ...saved.cancelledAt !== "" && Number.isFinite(cancelledAt) ? { cancelledAt } : {}
  };
}
function decodeStacks(text) {
  const stacks = parse(text)?.stacks;
  if (!Array.isArray(stacks) || !stacks.every(isStackRef)) {
    throw new Error(`the saved list of stacks is not readable: ${text.slice(0, 80)}`);
  }
  return stacks;
}
function decodePlan(text) {
  const fields = parse(text) ?? {};
  const strings = ["resultsDir", "logDir", "workDir"].every((key) => typeof fields[key] === "string");
  if (fields["version"] !== 1 || !strings || typeof fields["destroyTimeoutMs"] !== "number") {
    throw new Error(`the saved teardown is not readable: ${text.slice(0, 80)}`);
  }
  const { resultsDir, logDir, workDir, ownBackendDir, cleanup, destroyTimeoutMs } = fields;
  return { resultsDir, logDir, workDir, ownBackendDir, cleanup, destroyTimeoutMs };
}
function decodeProcesses(text) {
  const processes = parse(text);
  const valid = Array.isArray(processes) && processes.every(
    (process) => typeof process === "object" && process !== null && typeof process.pid === "number" && typeof process.interrupts === "number"
  );
  if (!valid) {
    throw new Error(`the saved list of running commands is not readable: ${text.slice(0, 80)}`);
  }
  return processes;
}
function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return void 0;
  }
}
function isStackRef(value) {
  if (typeof value !== "object" || value === null) return false;
  const fields = value;
  return ["binary", "programDir", "stack", "backendUrl"].every(
    (key) => typeof fields[key] === "string"
  );
}

// src/teardown/ledger.ts
var StackLedger = class _StackLedger {
  #stacks = [];
  #onChange;
  constructor(onChange) {
    this.#onChange = onChange;
  }
  /** A ledger of stacks read back (decodeSavedRun), or of `serialize()`'s output. */
  static restore(saved, onChange) {
    const ledger = new _StackLedger(onChange);
    ledger.#stacks.push(...typeof saved === "string" ? decodeStacks(saved) : saved);
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
  /** The stack is gone, or kept and reported: nobody has to tear it down any more. */
  forget(ref) {
    const index = this.#stacks.findIndex((known) => sameStack(known, ref));
    if (index < 0) return;
    this.#stacks.splice(index, 1);
    this.#onChange?.(this.serialize());
  }
  serialize() {
    return encodeStacks(this.#stacks);
  }
};
function sameStack(a, b) {
  return a.stack === b.stack && a.backendUrl === b.backendUrl && a.programDir === b.programDir;
}

export {
  encodePlan,
  decodeSavedRun,
  StackLedger,
  parseConfigInput,
  configValues
};
