import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  STEP_HEADER,
  bisectReport,
  bisectVerdict,
  parseBisectConfig,
  renderBisectMarkdown,
  runBisect,
  stepRows
} from "./shared-cli-bisect+index.js";
import {
  withCliHooks
} from "./shared-cli-bisect+cli-calibrate+cli-run.js";
import {
  StacksKept
} from "./shared-cli-bisect+cli-calibrate+cli-run+index.js";
import {
  configValues
} from "./shared-cli-bisect+cli-calibrate+cli-run+index+post.js";
import "./shared-cli-bisect+cli-calibrate+cli-main+cli-run+index+post.js";
import "./shared-cli+cli-bisect+cli-calibrate+cli-run+index.js";
import "./shared-cli-bisect+cli-calibrate+cli-report+cli-run+index+post.js";
import {
  jsonText
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run.js";
import {
  FORMATS,
  RUN_FLAGS,
  parseFlags
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run.js";
import {
  PLAIN_STYLE,
  alignColumns,
  parseChoice,
  renderText
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run+index.js";
import "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index.js";
import "./shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run+index+post.js";
import {
  BISECT_INPUTS,
  BenchmarkError,
  InputError,
  plainText
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";
import "./shared-cli+cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/report/bisect-text.ts
function renderBisectText(results) {
  const report = bisectReport(results, PLAIN_STYLE);
  const table = alignColumns(
    STEP_HEADER,
    stepRows(results).map((cells) => cells.map(plainText)),
    5
  );
  const steps = results.steps.map(
    (step, k) => `Step ${k + 1}: ${plainText(step.version)}
${renderText(step.results)}`
  );
  return [
    `Bisect: ${report.headline}`,
    ...report.lines,
    ...report.links.map((link) => `${link.text}: ${link.url}`),
    "",
    ...table,
    "",
    ...steps
  ].join("\n");
}

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
  const failOn = config.run.decision.failOn;
  if (!outcome.finished) {
    const { error, results: results2 } = outcome;
    if (results2 === void 0 || error instanceof InputError) throw error;
    io.stderr(`Results of the steps so far: ${config.run.resultsFile}
`);
    const failure = error instanceof Error ? error : new BenchmarkError(String(error));
    return {
      output: formatBisect(results2, format),
      verdict: "inconclusive",
      failOn,
      error: failure
    };
  }
  const { results, unwritten, kept } = outcome;
  if (!unwritten) io.stderr(`Results: ${config.run.resultsFile}
`);
  return {
    output: formatBisect(results, format),
    verdict: bisectVerdict(results),
    failOn,
    error: kept.length > 0 ? new StacksKept(kept.join("\n")) : unwritten ?? (interrupted?.aborted ? new BenchmarkError("interrupted while tearing down; the bisect above stands") : void 0)
  };
};
function formatBisect(results, format) {
  if (format === "json") return jsonText(results);
  if (format === "markdown") return renderBisectMarkdown(results);
  return `${renderBisectText(results)}
`;
}
export {
  BISECT_FLAGS,
  bisectCommand
};
