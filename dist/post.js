import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  StackLedger
} from "./chunks/shared-cli-run+index+post.js";
import {
  getState,
  info,
  warning
} from "./chunks/shared-cli-report+cli-run+index+post.js";
import {
  describeError
} from "./chunks/shared-cli-compare+cli-main+cli-report+cli-run+index+post.js";
import "./chunks/shared-cli+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/action/post.ts
async function cleanUpAfterMain() {
  try {
    const saved = getState("stacks" /* Stacks */);
    if (saved === "") return;
    const ledger = StackLedger.restore(saved);
    if (ledger.stacks.length === 0) return;
    info(`Removing ${ledger.stacks.length} stack(s) left by the main step`);
    for (const warning2 of await ledger.destroyAll()) warning(warning2);
  } catch (error) {
    warning(`post step: ${describeError(error)}`);
  }
}

// src/post.ts
await cleanUpAfterMain();
