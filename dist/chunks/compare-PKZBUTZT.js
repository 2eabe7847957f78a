import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  formatResults
} from "./chunk-J32UMBSM.js";
import {
  analyseFiles,
  readResultsFile
} from "./chunk-6ZTEGNKN.js";
import "./chunk-2L3ASERA.js";
import {
  parseChoice,
  parseDecision,
  parseFamilySize,
  parseInteger
} from "./chunk-VFJLKELW.js";
import {
  FORMATS,
  parseFlags
} from "./chunk-UU5CYP2X.js";
import "./chunk-2DPYQKST.js";
import {
  InputError
} from "./chunk-B6SFZLKL.js";
import "./chunk-HIUQPB7O.js";

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
var compareCommand = async (argv) => {
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
  const familySize = parseFamilySize({ ["family-size" /* FamilySize */]: values["family-size"] });
  const files = await Promise.all(positionals.map(readResultsFile));
  const { results } = analyseFiles(files, {
    ...decision,
    looks,
    familySize,
    baseline: values.baseline,
    candidate: values.candidate,
    name: values.name
  });
  return {
    output: formatResults(results, format),
    verdict: results.comparison.verdict,
    failOn: decision.failOn
  };
};
export {
  compareCommand
};
