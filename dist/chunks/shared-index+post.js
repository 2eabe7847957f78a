import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  info,
  setFailed,
  warning
} from "./shared-cli-calibrate+cli-report+cli-run+index+post.js";

// src/action/log.ts
function actionLog(redact) {
  return {
    info: (line) => info(redact(line)),
    warn: (line) => warning(redact(line)),
    fail: (line) => setFailed(redact(line)),
    redact
  };
}

export {
  actionLog
};
