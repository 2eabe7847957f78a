import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  getInput
} from "./shared-cli-report+cli-run+index+post.js";
import {
  Input
} from "./shared-cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/action/inputs.ts
function readActionInputs() {
  return Object.fromEntries(Object.values(Input).map((input) => [input, getInput(input)]));
}
var STACKS_STATE = "stacks";

export {
  readActionInputs,
  STACKS_STATE
};
