import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  renderFailedMarkdown,
  renderFailedText,
  renderMarkdown
} from "./shared-cli-compare+cli-run+index.js";
import {
  renderText
} from "./shared-cli-compare+cli-report+cli-run+index.js";

// src/cli/output.ts
function formatResults(results, format, runUrl) {
  if (format === "json") return `${JSON.stringify(results, null, 2)}
`;
  if (format === "markdown") return `${renderMarkdown(results, { runUrl })}
`;
  return `${renderText(results)}
`;
}
function formatFailure(run, format, runUrl) {
  if (format === "json") return run.partial ? `${JSON.stringify(run.partial, null, 2)}
` : null;
  if (format === "markdown") return `${renderFailedMarkdown(run, { runUrl })}
`;
  return renderFailedText(run);
}

export {
  formatResults,
  formatFailure
};
