import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  measure,
  runCommand,
  withCliHooks
} from "./shared-cli-bisect+cli-calibrate+cli-run.js";
import "./shared-cli-bisect+cli-calibrate+cli-run+index.js";
import "./shared-cli-bisect+cli-calibrate+cli-run+index+post.js";
import "./shared-cli+cli-bisect+cli-calibrate+cli-run+index.js";
import "./shared-cli-bisect+cli-calibrate+cli-compare+cli-run+index.js";
import "./shared-cli-bisect+cli-calibrate+cli-report+cli-run+index+post.js";
import "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run.js";
import "./shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run+index.js";
import "./shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run+index+post.js";
import "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";
import "./shared-cli+cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";
export {
  measure,
  runCommand,
  withCliHooks
};
