import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  BISECT_INPUTS,
  Input,
  InputError
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/cli/flags.ts
import { parseArgs } from "node:util";
function parseFlags(argv, names) {
  const options = Object.fromEntries(names.map((name) => [name, { type: "string" }]));
  try {
    const { values, positionals, tokens } = parseArgs({
      args: attachValues(argv, names),
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
      tokens: true
    });
    checkEachOnceWithValue(tokens);
    const { help, ...strings } = values;
    return {
      values: strings,
      positionals,
      help: help === true
    };
  } catch (error) {
    if (error instanceof InputError) throw error;
    const message = error.message.split("\n")[0].replace(/\.( To specify.*)?$/, "");
    throw new InputError(`${message}; see pulumi-perf-gate --help`);
  }
}
function checkEachOnceWithValue(tokens = []) {
  const seen = /* @__PURE__ */ new Set();
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    if (seen.has(token.name)) {
      throw new InputError(`--${token.name} is given more than once; give it once`);
    }
    seen.add(token.name);
    if (token.value !== void 0 && token.value.trim() === "") {
      throw new InputError(
        `--${token.name} is empty; give it a value, or leave it out for its default`
      );
    }
  }
}
function attachValues(argv, names) {
  const flags = new Set(names.map((name) => `--${name}`));
  const args = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = argv[i + 1];
    if (flags.has(arg) && next !== void 0 && !flags.has(next) && next !== "--help") {
      args.push(`${arg}=${next}`);
      i++;
    } else {
      args.push(arg);
    }
  }
  return args;
}
var RUN_FLAGS = Object.values(Input).filter(
  (input) => input !== "github-token" /* GithubToken */ && input !== "mode" /* Mode */ && input !== "results" /* Results */ && !BISECT_INPUTS.includes(input)
);

export {
  parseFlags,
  RUN_FLAGS
};
