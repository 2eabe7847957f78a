import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  MAX_CELL,
  environmentBlock,
  familyTable,
  fitToLimit,
  formatCount,
  joinBlocks,
  markdownHeadline,
  phaseItems,
  phaseNames,
  rawRowCount,
  rawRowsWorthTrying,
  reportSections,
  runLink
} from "./shared-cli-calibrate+cli-compare+cli-report+cli-run+index.js";
import {
  clip,
  escapeMarkdown
} from "./shared-cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";

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
  renderMarkdown
};
