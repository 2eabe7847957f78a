import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  formatResults
} from "./shared-cli-compare+cli-run.js";
import {
  benchmarkName,
  readResultsFile,
  resultName,
  selectResults
} from "./shared-cli-compare+cli-report+index.js";
import "./shared-cli-compare+cli-report+cli-run.js";
import {
  analyse,
  parseChoice,
  parseDecision,
  parseInteger,
  resultsFile,
  sourceOf
} from "./shared-cli-compare+cli-report+cli-run+index.js";
import {
  FORMATS,
  parseFlags
} from "./shared-cli-compare+cli-main+cli-report+cli-run.js";
import "./shared-cli-compare+cli-main+cli-report+cli-run+index.js";
import {
  InputError
} from "./shared-cli-compare+cli-main+cli-report+cli-run+index+post.js";
import "./shared-cli+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/cli/compare.ts
var FLAGS = ["baseline", "candidate", "alpha", "threshold", "looks", "fail-on", "format", "name"];
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
  const files = await Promise.all(positionals.map(readResultsFile));
  const { baseline, candidate } = selectResults(files, {
    baseline: values.baseline,
    candidate: values.candidate
  });
  const samples = Math.max(baseline.times.length, candidate.times.length);
  if (looks > samples) {
    throw new InputError(`--looks ${looks} is more than the ${samples} samples the files hold`);
  }
  const names = { baseline: resultName(baseline), candidate: resultName(candidate) };
  const analysis = analyse(baseline.times, candidate.times, {
    ...decision,
    looks,
    samples,
    names
  });
  const results = resultsFile(
    values.name ?? benchmarkName(files[0]),
    {
      baseline: sourceOf(names.baseline, baseline),
      candidate: sourceOf(names.candidate, candidate)
    },
    analysis
  );
  return {
    output: formatResults(results, format),
    verdict: results.comparison.verdict,
    failOn: decision.failOn
  };
};
export {
  compareCommand
};
