import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  renderFailedMarkdown,
  renderFailedText,
  renderMarkdown,
  renderText
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run+index.js";

// src/cli/output.ts
function jsonText(data) {
  return `${JSON.stringify(data, null, 2).replaceAll("##[", "##\\u005b")}
`;
}
function formatResults(results, format, runUrl) {
  if (format === "json") return jsonText(results);
  if (format === "markdown") return `${renderMarkdown(results, { runUrl })}
`;
  return `${renderText(results)}
`;
}
function formatFailure(run, format, runUrl) {
  if (format === "json") return run.partial ? jsonText(run.partial) : null;
  if (format === "markdown") return `${renderFailedMarkdown(run, { runUrl, logs: true })}
`;
  return renderFailedText(run);
}

export {
  jsonText,
  formatResults,
  formatFailure
};
