import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  renderMarkdown
} from "./shared-cli-calibrate+cli-compare+cli-run+index.js";
import {
  renderText
} from "./shared-cli-calibrate+cli-compare+cli-report+cli-run+index.js";

// src/cli/output.ts
function formatResults(results, format, runUrl) {
  if (format === "json") return `${JSON.stringify(results, null, 2)}
`;
  if (format === "markdown") return `${renderMarkdown(results, { runUrl })}
`;
  return `${renderText(results)}
`;
}

export {
  formatResults
};
