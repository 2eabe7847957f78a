import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  renderText
} from "./chunk-2L3ASERA.js";
import {
  renderMarkdown
} from "./chunk-VFJLKELW.js";

// src/cli/output.ts
function formatResults(results, format) {
  if (format === "json") return `${JSON.stringify(results, null, 2)}
`;
  if (format === "markdown") return `${renderMarkdown(results)}
`;
  return `${renderText(results)}
`;
}

export {
  formatResults
};
