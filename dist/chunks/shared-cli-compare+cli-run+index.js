import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  FailedRuns,
  MAX_CELL,
  REPORT_LIMIT,
  alignColumns,
  capBody,
  environmentBlock,
  familyTable,
  fitToLimit,
  formatCount,
  formatDurationColumns,
  joinBlocks,
  markdownHeadline,
  phaseItems,
  phaseNames,
  rawRowCount,
  rawRowsWorthTrying,
  reportSections,
  runLink
} from "./shared-cli-compare+cli-report+cli-run+index.js";
import {
  BenchmarkError,
  clip,
  codeBlock,
  describeError,
  escapeMarkdown,
  plainText
} from "./shared-cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/bench/failures.ts
var MeasurementStopped = class extends BenchmarkError {
  constructor(message, partial) {
    super(message);
    this.partial = partial;
  }
  partial;
  name = "MeasurementStopped";
};
var SampleFailed = class extends MeasurementStopped {
  name = "SampleFailed";
};
var BenchmarkAborted = class extends MeasurementStopped {
  name = "BenchmarkAborted";
};

// src/report/failed.ts
var MAX_CELL2 = 300;
var MAX_DETAIL_LINE = 500;
var MAX_DETAIL_LINES = 40;
var MAX_TEXT_CELL = 60;
function renderFailedMarkdown(run, options = {}) {
  const said = failedModel(run);
  const table = samplesSoFar(run.partial);
  const blocks = [
    `## ${said.emoji} ${said.word}: ${escapeMarkdown(clip(said.first, MAX_CELL2))}`,
    `Benchmark: **${escapeMarkdown(clip(run.benchmark, MAX_CELL2))}**`,
    `${said.why}: an earlier verdict on this pull request no longer stands.`,
    said.detail.trim() === "" ? "" : codeBlock(said.detail),
    table === null ? "" : table.rows.length === 0 ? `**${said.samples}:** none; it stopped before the first sample.` : [
      `**${said.samples}**`,
      "",
      `| ${table.header.join(" | ")} |`,
      `| ${table.header.map((_, i) => i < table.textColumns ? "---" : "---:").join(" | ")} |`,
      ...table.rows.map(
        (row) => `| ${row.map((cell, i) => i === 0 ? `**${escapeMarkdown(clip(cell, MAX_CELL2))}**` : i < table.textColumns ? escapeMarkdown(clip(cell, MAX_CELL2)) : cell).join(" | ")} |`
      )
    ].join("\n"),
    runLink(options.runUrl)
  ];
  return capBody(`${blocks.filter((block) => block !== "").join("\n\n")}
`, REPORT_LIMIT);
}
function renderFailedText(run) {
  const said = failedModel(run);
  const table = samplesSoFar(run.partial);
  const lines = [
    `${plainText(run.benchmark)}: ${said.word}: ${plainText(said.first)}`,
    ...said.detail.trim() === "" ? [] : ["", ...said.detail.split("\n").map(plainText)],
    "",
    `${said.why}.`
  ];
  if (table !== null && table.rows.length > 0) {
    const rows = table.rows.map(
      (row) => row.map((cell, i) => i < table.textColumns ? clip(plainText(cell), MAX_TEXT_CELL) : cell)
    );
    lines.push("", `${said.samples}:`, ...alignColumns(table.header, rows, table.textColumns));
  }
  return `${lines.join("\n")}
`;
}
function failedModel(run) {
  const [first = "", ...rest] = describeError(run.error).split("\n");
  const stopped = run.error instanceof BenchmarkAborted;
  return {
    first,
    detail: rest.slice(-MAX_DETAIL_LINES).map((line) => clip(line, MAX_DETAIL_LINE)).join("\n"),
    emoji: stopped ? "\u23F9\uFE0F" : "\u274C",
    word: stopped ? "Interrupted" : "Failed",
    samples: run.error instanceof FailedRuns ? "Samples" : "Samples so far",
    why: stopped ? "The run was stopped before it finished, so it has no verdict" : run.error instanceof FailedRuns ? "Runs failed, so the comparison has no verdict" : "The benchmark did not finish, so it has no verdict"
  };
}
function samplesSoFar(partial) {
  if (partial === void 0) return null;
  const groups = partial.results;
  if (groups.every((group) => group.times.length === 0))
    return { header: [], rows: [], textColumns: 0 };
  const number = (value) => value ?? Number.NaN;
  const [means = [], mins = [], maxes = []] = formatDurationColumns([
    groups.map((group) => number(group.mean)),
    groups.map((group) => number(group.min)),
    groups.map((group) => number(group.max))
  ]);
  const hasVersion = groups.some((group) => group.version !== void 0);
  const hasPhase = new Set(groups.map((group) => group.parameters.phase)).size > 1;
  const rows = groups.map((group, index) => [
    group.parameters.group,
    ...hasPhase ? [group.parameters.phase ?? ""] : [],
    (hasVersion ? group.version : void 0) ?? group.command,
    formatCount(group.times.length),
    formatCount(group.exit_codes.filter((code) => code !== 0).length),
    means[index] ?? "-",
    mins[index] ?? "-",
    maxes[index] ?? "-"
  ]);
  const header = [
    "Group",
    ...hasPhase ? ["Phase"] : [],
    hasVersion ? "Pulumi version" : "Command",
    "Samples",
    "Failed",
    "Mean",
    "Min",
    "Max"
  ];
  return { header, rows, textColumns: hasPhase ? 3 : 2 };
}

// src/report/phased-markdown.ts
function renderPhasedMarkdown(results, options = {}) {
  const items = phaseItems(results);
  const sections = items.map((item) => reportSections(item.results));
  const rows = rawRowsWorthTrying(Math.max(0, ...items.map((item) => rawRowCount(item.results))));
  const count = `the ${formatCount(items.length)} phases`;
  return fitToLimit(
    (detail) => joinBlocks([
      `## ${markdownHeadline(results)}`,
      `Benchmark: **${escapeMarkdown(clip(options.title ?? results.benchmark, MAX_CELL))}**`,
      familyTable(items, "Phase", count),
      ...items.map(({ results: phase }, index) => {
        const body = joinBlocks(sections[index](detail));
        const heading = `${escapeMarkdown(phase.benchmark)}: ${markdownHeadline(phase)}`;
        if (index === 0) return `### ${heading}

${body}`;
        const open = phase.comparison.verdict === "regression" ? " open" : "";
        return `<details${open}>
<summary>${heading}</summary>

${body}
</details>`;
      }),
      environmentBlock(results.environment),
      runLink(options.runUrl)
    ]),
    rows
  );
}

// src/report/markdown.ts
function renderMarkdown(results, options = {}) {
  if (phaseNames(results).length > 0) return renderPhasedMarkdown(results, options);
  const sections = reportSections(results);
  return fitToLimit(
    (detail) => joinBlocks([
      `## ${markdownHeadline(results)}`,
      `Benchmark: **${escapeMarkdown(clip(options.title ?? results.benchmark, MAX_CELL))}**`,
      ...sections(detail),
      runLink(options.runUrl)
    ]),
    rawRowsWorthTrying(rawRowCount(results))
  );
}

export {
  MeasurementStopped,
  SampleFailed,
  BenchmarkAborted,
  renderFailedMarkdown,
  renderFailedText,
  renderMarkdown
};
