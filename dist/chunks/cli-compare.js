import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  analyseFiles,
  readResultsFile
} from "./shared-cli-compare+cli-report+index.js";
import {
  formatResults
} from "./shared-cli-calibrate+cli-compare+cli-run.js";
import "./shared-cli-calibrate+cli-compare+cli-run+index.js";
import {
  MAX_LOOKS,
  parseChoice,
  parseDecision,
  parseFamilySize,
  parseInteger,
  workflowRunUrl
} from "./shared-cli-calibrate+cli-compare+cli-report+cli-run+index.js";
import "./shared-cli-calibrate+cli-compare+cli-report+cli-run+index+post.js";
import {
  FORMATS,
  parseFlags
} from "./shared-cli-calibrate+cli-compare+cli-main+cli-report+cli-run.js";
import "./shared-cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index.js";
import {
  InputError
} from "./shared-cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";
import "./shared-cli+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/cli/compare.ts
var FLAGS = [
  "baseline",
  "candidate",
  "alpha",
  "threshold",
  "looks",
  "family-size",
  "fail-on",
  "format",
  "name"
];
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
  const looks = parseInteger("--looks", values.looks ?? "1", { min: 1, max: MAX_LOOKS });
  const familySize = parseFamilySize({ ["family-size" /* FamilySize */]: values["family-size"] });
  const files = await Promise.all(positionals.map((path) => readResultsFile(path)));
  const { results } = analyseFiles(files, {
    ...decision,
    looks,
    familySize,
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
