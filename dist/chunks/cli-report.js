import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  joinResults,
  joinedHeadline,
  keepOwnRunLinks,
  overallVerdict,
  renderMultiMarkdown,
  renderUnfinishedMarkdown,
  unfinishedFailure
} from "./shared-cli-report+index.js";
import "./shared-cli-compare+cli-report+index.js";
import "./shared-cli-bisect+cli-calibrate+cli-report+cli-run+index+post.js";
import {
  jsonText
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run.js";
import {
  FORMATS,
  parseFlags
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run.js";
import {
  countOf,
  formatCount,
  parseChoice,
  parseDecision,
  renderText,
  workflowRunUrl
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run+index.js";
import "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index.js";
import "./shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run+index+post.js";
import {
  InputError,
  plainText
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";
import "./shared-cli+cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/report/multi-json.ts
function multiReportJson(joined) {
  return {
    ...joinedHeadline(joined),
    benchmarks: joined.items.map(({ results, pAdjusted }) => ({ ...results, pAdjusted })),
    unfinished: joined.unfinished.map(({ benchmark, path, error }) => ({ benchmark, path, error }))
  };
}

// src/report/multi-text.ts
var VERDICT_ORDER = ["regression", "inconclusive", "improvement", "unchanged"];
function renderMultiText(joined) {
  const { items, unfinished } = joined;
  const total = items.length + unfinished.length;
  const { headline } = joinedHeadline(joined);
  const counts = VERDICT_ORDER.map((verdict) => ({
    verdict,
    count: items.filter((item) => item.results.comparison.verdict === verdict).length
  })).filter(({ count }) => count > 0).map(({ verdict, count }) => `${formatCount(count)} ${verdict}`);
  if (unfinished.length > 0) counts.push(`${formatCount(unfinished.length)} failed (no verdict)`);
  const finished = items.map(
    ({ results, pAdjusted }) => `${renderText(results)}
Regression p adjusted for ${countOf(items.length, "benchmark")} (Holm over stage-wise p): ${pAdjusted.toPrecision(3)}
`
  );
  const notFinished = unfinished.map(
    (run) => `${plainText(run.benchmark)} (${plainText(run.path)}) failed, no verdict: ${plainText(run.error)}
`
  );
  const overview = `${headline}
${countOf(total, "benchmark")}: ${counts.join(", ")}
`;
  return [overview, ...finished, ...notFinished].join("\n");
}

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
  const { items, unfinished } = await joinResults(positionals, {
    ...decision,
    warn: (line) => io.stderr(`warning: ${line}
`)
  });
  const runUrl = workflowRunUrl(io.env);
  keepOwnRunLinks(items, runUrl);
  const total = items.length + unfinished.length;
  return {
    output: render({ items, unfinished }, format, runUrl),
    verdict: overallVerdict(items),
    failOn: decision.failOn,
    // A run that did not finish fails the report, as it failed its own job.
    ...unfinished.length > 0 ? { error: unfinishedFailure(unfinished, total) } : {}
  };
};
function render(joined, format, runUrl) {
  if (format === "json") return jsonText(multiReportJson(joined));
  if (format === "markdown") {
    const { items, unfinished } = joined;
    if (items.length === 0) return `${renderUnfinishedMarkdown(unfinished, { runUrl })}
`;
    return `${renderMultiMarkdown(items, { runUrl, unfinished })}
`;
  }
  return renderMultiText(joined);
}
export {
  reportCommand
};
