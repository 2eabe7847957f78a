import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  InputError
} from "./shared-cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/pulumi/config-input.ts
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

// src/pulumi/ledger.ts
var StackLedger = class _StackLedger {
  #stacks = [];
  #onChange;
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
  /** The stack is gone, or kept and reported: nobody has to tear it down any more. */
  forget(ref) {
    const index = this.#stacks.findIndex((known) => sameStack(known, ref));
    if (index < 0) return;
    this.#stacks.splice(index, 1);
    this.#onChange?.(this.serialize());
  }
  serialize() {
    return JSON.stringify({ version: 1, stacks: this.#stacks });
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

// src/run/teardown-plan.ts
function serializePlan(plan) {
  return JSON.stringify({ version: 1, ...plan });
}
function restorePlan(serialized) {
  let data;
  try {
    data = JSON.parse(serialized);
  } catch {
    data = void 0;
  }
  const fields = data ?? {};
  const strings = ["resultsDir", "logDir", "workDir"].every((key) => typeof fields[key] === "string");
  if (fields["version"] !== 1 || !strings || typeof fields["destroyTimeoutMs"] !== "number") {
    throw new Error(`the saved teardown is not readable: ${serialized.slice(0, 80)}`);
  }
  const { resultsDir, logDir, workDir, ownBackendDir, cleanup, destroyTimeoutMs } = fields;
  return { resultsDir, logDir, workDir, ownBackendDir, cleanup, destroyTimeoutMs };
}

export {
  StackLedger,
  parseConfigInput,
  configValues,
  serializePlan,
  restorePlan
};
