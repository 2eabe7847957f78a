import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  knownSecrets,
  secretSet
} from "./shared-cli-main+cli-run+index+post.js";
import {
  escapeMarkdown
} from "./shared-cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/report/redact.ts
function stepSecrets(env, token, more = []) {
  return secretSet(knownSecrets(env, token, more), [escapeMarkdown]);
}

export {
  stepSecrets
};
