import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  Input,
  InputError
} from "./shared-cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/cli/flags.ts
import { parseArgs } from "node:util";
function parseFlags(argv, names) {
  const options = Object.fromEntries(names.map((name) => [name, { type: "string" }]));
  try {
    const { values, positionals } = parseArgs({
      args: attachValues(argv, names),
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true
    });
    const { help, ...strings } = values;
    return {
      values: strings,
      positionals,
      help: help === true
    };
  } catch (error) {
    const message = error.message.split("\n")[0].replace(/\.( To specify.*)?$/, "");
    throw new InputError(`${message}; see pulumi-perf-gate --help`);
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
var FORMATS = ["text", "markdown", "json"];
var RUN_FLAGS = Object.values(Input).filter(
  (input) => input !== "github-token" /* GithubToken */ && input !== "mode" /* Mode */ && input !== "results" /* Results */
);

export {
  parseFlags,
  FORMATS,
  RUN_FLAGS
};
