import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  measure,
  runCommand
} from "./shared-cli-calibrate+cli-run.js";
import "./shared-cli-calibrate+cli-run+index.js";
import "./shared-cli-calibrate+cli-run+index+post.js";
import "./shared-cli+cli-calibrate+cli-run+index.js";
import "./shared-cli-calibrate+cli-compare+cli-run+index.js";
import "./shared-cli-calibrate+cli-report+cli-run+index+post.js";
import "./shared-cli-calibrate+cli-compare+cli-report+cli-run.js";
import "./shared-cli-calibrate+cli-compare+cli-report+cli-run+index.js";
import "./shared-cli-calibrate+cli-compare+cli-report+cli-run+index+post.js";
import "./shared-cli-calibrate+cli-main+cli-run+index+post.js";
import "./shared-cli-calibrate+cli-compare+cli-main+cli-report+cli-run.js";
import "./shared-cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index.js";
import "./shared-cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";
import "./shared-cli+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";
export {
  measure,
  runCommand
};
