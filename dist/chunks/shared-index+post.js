import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  inertWorkflowCommands
} from "./shared-cli-main+index+post.js";
import {
  info,
  setFailed,
  warning
} from "./shared-cli-bisect+cli-calibrate+cli-report+cli-run+index+post.js";

// src/action/log.ts
function actionLog(redact) {
  return {
    // core.info prints the line as it is; warnings and failures are escaped by core.
    info: (line) => info(inertWorkflowCommands(redact(line))),
    warn: (line) => warning(redact(line)),
    fail: (line) => setFailed(redact(line)),
    redact
  };
}

export {
  actionLog
};
