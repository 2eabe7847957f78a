import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  joinResults,
  overallVerdict,
  renderMultiMarkdown
} from "./chunk-ZQXHXDV5.js";
import "./chunk-N42MG7A3.js";
import "./chunk-6ZTEGNKN.js";
import {
  renderText
} from "./chunk-2L3ASERA.js";
import {
  parseChoice,
  parseDecision
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
  const items = await joinResults(positionals, {
    ...decision,
    warn: (line) => io.stderr(`warning: ${line}
`)
  });
  return { output: render(items, format), verdict: overallVerdict(items), failOn: decision.failOn };
};
function render(items, format) {
  if (format === "json") {
    return `${JSON.stringify(
      items.map(({ results, pAdjusted }) => ({ ...results, pAdjusted })),
      null,
      2
    )}
`;
  }
  if (format === "markdown") return `${renderMultiMarkdown(items)}
`;
  return `${items.map(({ results, pAdjusted }) => `${renderText(results)}
Regression p adjusted for ${items.length} benchmarks (Holm): ${pAdjusted.toPrecision(3)}
`).join("\n")}`;
}
export {
  reportCommand
};
