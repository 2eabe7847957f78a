import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  knownSecrets,
  redactor
} from "./shared-cli-calibrate+cli-main+cli-run+index+post.js";
import {
  escapeMarkdown
} from "./shared-cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/report/redact.ts
function stepRedactor(env, token) {
  return redactor(knownSecrets(env, token), [escapeMarkdown]);
}

export {
  stepRedactor
};
