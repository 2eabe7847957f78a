import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  StackLedger
} from "./chunks/chunk-FPSLPWEP.js";
import {
  getState,
  info,
  warning
} from "./chunks/chunk-N42MG7A3.js";
import {
  describeError
} from "./chunks/chunk-B6SFZLKL.js";
import "./chunks/chunk-HIUQPB7O.js";

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
