import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  reportAnswer
} from "./shared-cli-report+index.js";
import "./shared-cli-compare+cli-report+index.js";
import "./shared-cli-bisect+cli-calibrate+cli-report+cli-run+index+post.js";
import {
  parseFlags
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run.js";
import {
  FORMATS,
  parseChoice,
  parseDecision,
  workflowRunUrl
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run+index.js";
import "./shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run+index+post.js";
import {
  InputError
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";
import "./shared-cli+cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/cli/report.ts
var reportCommand = async (argv, io) => {
  const { values, positionals, help } = parseFlags(argv, [
    "alpha",
    "threshold",
    "fail-on",
    "format"
  ]);
  if (help) return "help";
  if (positionals.length === 0) {
    throw new InputError("report takes one or more results files or globs");
  }
  const decision = parseDecision({
    ["alpha" /* Alpha */]: values.alpha,
    ["threshold" /* Threshold */]: values.threshold,
    ["fail-on" /* FailOn */]: values["fail-on"]
  });
  const format = parseChoice("--format", values.format ?? "text", FORMATS);
  const answer = await reportAnswer(positionals, decision, {
    warn: (line) => io.stderr(`warning: ${line}
`),
    runUrl: workflowRunUrl(io.env)
  });
  return { answer, format };
};
export {
  reportCommand
};
