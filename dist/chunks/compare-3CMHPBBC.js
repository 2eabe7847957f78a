import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  formatResults
} from "./chunk-QFRHQ56C.js";
import {
  analyseFiles,
  readResultsFile
} from "./chunk-555W7GU3.js";
import {
  parseChoice,
  parseDecision,
  parseInteger,
  workflowRunUrl
} from "./chunk-XBVLAOF7.js";
import {
  FORMATS,
  parseFlags
} from "./chunk-H3TQPWBN.js";
import "./chunk-OAF5WBPV.js";
import {
  InputError
} from "./chunk-E5NJYEY5.js";
import "./chunk-HIUQPB7O.js";

// src/cli/compare.ts
var FLAGS = ["baseline", "candidate", "alpha", "threshold", "looks", "fail-on", "format", "name"];
var compareCommand = async (argv, io) => {
  const { values, positionals, help } = parseFlags(argv, FLAGS);
  if (help) return "help";
  if (positionals.length < 1 || positionals.length > 2) {
    throw new InputError(
      `compare takes one file with two or more results, or two files with one each; got ${positionals.length} files`
    );
  }
  const decision = parseDecision({
    ["alpha" /* Alpha */]: values.alpha,
    ["threshold" /* Threshold */]: values.threshold ?? "0%",
    ["fail-on" /* FailOn */]: values["fail-on"]
  });
  const format = parseChoice("--format", values.format ?? "text", FORMATS);
  const looks = parseInteger("--looks", values.looks ?? "1", { min: 1 });
  const files = await Promise.all(positionals.map((path) => readResultsFile(path)));
  const { results } = analyseFiles(files, {
    ...decision,
    looks,
    baseline: values.baseline,
    candidate: values.candidate,
    name: values.name
  });
  return {
    output: formatResults(results, format, workflowRunUrl(io.env)),
    verdict: results.comparison.verdict,
    failOn: decision.failOn
  };
};
export {
  compareCommand
};
