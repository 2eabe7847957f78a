import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  escapeMarkdown,
  knownSecrets,
  secretSet
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/core/workflow-commands.ts
var ZERO_WIDTH_SPACE = "\u200B";
function inertWorkflowCommands(text) {
  return text.split("\n").map((line) => {
    const safe = line.replaceAll("##[", `##${ZERO_WIDTH_SPACE}[`);
    const start = safe.length - safe.trimStart().length;
    return safe.startsWith("::", start) ? `${safe.slice(0, start)}:${ZERO_WIDTH_SPACE}${safe.slice(start + 1)}` : safe;
  }).join("\n");
}

// src/report/format/redact.ts
function stepSecrets(env, token, more = []) {
  return secretSet(knownSecrets(env, token, more), [escapeMarkdown]);
}

export {
  inertWorkflowCommands,
  stepSecrets
};
