import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  StackLedger
} from "./chunks/shared-cli-run+index+post.js";
import {
  getInput,
  getState,
  info,
  warning
} from "./chunks/shared-cli-report+cli-run+index+post.js";
import {
  knownSecrets,
  redactor
} from "./chunks/shared-cli-main+cli-run+index+post.js";
import {
  describeError
} from "./chunks/shared-cli-compare+cli-main+cli-report+cli-run+index+post.js";
import "./chunks/shared-cli+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/action/post.ts
async function cleanUpAfterMain() {
  const redact = redactor(knownSecrets(process.env, getInput("github-token" /* GithubToken */)));
  const warn = (line) => warning(redact(line));
  try {
    const saved = getState("stacks" /* Stacks */);
    if (saved === "") return;
    const ledger = StackLedger.restore(saved);
    if (ledger.stacks.length === 0) return;
    info(`Removing ${ledger.stacks.length} stack(s) left by the main step`);
    for (const warning2 of await ledger.destroyAll()) warn(warning2);
  } catch (error) {
    warn(`post step: ${describeError(error)}`);
  }
}

// src/post.ts
await cleanUpAfterMain();
