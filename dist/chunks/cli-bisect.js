import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  bisectAnswer,
  parseBisectConfig,
  runBisect
} from "./shared-cli-bisect+index.js";
import {
  withCliHooks
} from "./shared-cli-bisect+cli-calibrate+cli-run.js";
import "./shared-cli-bisect+cli-calibrate+cli-run+index.js";
import {
  configValues
} from "./shared-cli-bisect+cli-calibrate+cli-run+index+post.js";
import "./shared-cli+cli-bisect+cli-calibrate+cli-run+index.js";
import "./shared-cli-bisect+cli-calibrate+cli-compare+cli-run+index.js";
import "./shared-cli-bisect+cli-calibrate+cli-report+cli-run+index+post.js";
import {
  RUN_FLAGS,
  parseFlags
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run.js";
import {
  FORMATS,
  parseChoice,
  workflowRunUrl
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run+index.js";
import "./shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run+index+post.js";
import {
  BISECT_INPUTS,
  BenchmarkError,
  InputError
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";
import "./shared-cli+cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/cli/bisect.ts
var COMMENT_INPUTS = [
  "comment" /* Comment */,
  "comment-key" /* CommentKey */,
  "comment-logs" /* CommentLogs */,
  "pull-request" /* PullRequest */
];
var BISECT_FLAGS = [
  ...BISECT_INPUTS,
  ...RUN_FLAGS.filter((input) => !COMMENT_INPUTS.includes(input)),
  "format"
];
var bisectCommand = async (argv, io) => {
  const { values, positionals, help } = parseFlags(argv, BISECT_FLAGS);
  if (help) return "help";
  if (positionals.length > 0) {
    throw new InputError(`bisect takes only --flags; unexpected ${JSON.stringify(positionals[0])}`);
  }
  const raw = values;
  io.addSecrets(configValues(raw["config" /* Config */] ?? ""));
  const config = parseBisectConfig(raw, io.env);
  const format = parseChoice("--format", values.format ?? "text", FORMATS);
  const { outcome, interrupted } = await withCliHooks(true, io, (hooks) => runBisect(config, hooks));
  if (!outcome.finished && outcome.error instanceof InputError) throw outcome.error;
  if (outcome.finished && !outcome.unwritten) io.stderr(`Results: ${config.run.resultsFile}
`);
  if (!outcome.finished && outcome.results !== void 0) {
    io.stderr(`Results of the steps so far: ${config.run.resultsFile}
`);
  }
  const answer = bisectAnswer(config, outcome, workflowRunUrl(io.env));
  const stoppedCleanup = outcome.finished && interrupted?.aborted ? new BenchmarkError("interrupted while tearing down; the bisect above stands") : void 0;
  const error = answer.error ?? stoppedCleanup;
  return { answer: error === void 0 ? answer : { ...answer, error }, format };
};
export {
  BISECT_FLAGS,
  bisectCommand
};
