import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  PLAIN_STYLE,
  clip,
  groupTable,
  headline,
  plainText,
  sensitivityLines,
  speedupSentence,
  statisticsLines
} from "./chunk-VFJLKELW.js";

// src/report/text.ts
var MAX_LABEL = 60;
function renderText(results) {
  const { comparison } = results;
  const lines = [
    `${plainText(results.benchmark)}: ${headline(results)}`,
    "",
    ...alignedTable(groupTable(results)),
    "",
    speedupSentence(results, PLAIN_STYLE),
    ...statisticsLines(results, PLAIN_STYLE),
    `Verdict: ${comparison.verdict}`,
    ...sensitivityLines(results, PLAIN_STYLE).map((line) => `Why inconclusive: ${line}`)
  ];
  if (comparison.warnings.length > 0) {
    lines.push("", "Warnings:", ...comparison.warnings.map((warning) => `  - ${plainText(warning)}`));
  }
  return `${lines.join("\n")}
`;
}
function alignedTable({ header, rows }) {
  const cells = [header, ...rows.map((row) => row.map((cell) => clip(plainText(cell), MAX_LABEL)))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column]?.length ?? 0)));
  return cells.map(
    (row) => row.map((cell, column) => {
      const width = widths[column] ?? 0;
      return column < 2 ? cell.padEnd(width) : cell.padStart(width);
    }).join("  ").trimEnd()
  );
}

export {
  renderText
};
