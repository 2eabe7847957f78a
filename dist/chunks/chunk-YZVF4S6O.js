import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  getInput
} from "./chunk-BO4PDQUB.js";
import {
  Input
} from "./chunk-7TUUF2SR.js";

// src/action/inputs.ts
function readActionInputs() {
  return Object.fromEntries(Object.values(Input).map((input) => [input, getInput(input)]));
}
var STACKS_STATE = "stacks";

export {
  readActionInputs,
  STACKS_STATE
};
