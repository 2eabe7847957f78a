import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  commentOnPullRequest,
  runPipeline,
  withSignalAbort
} from "./chunk-2JWI2TVV.js";
import "./chunk-FPSLPWEP.js";
import "./chunk-IMGMDCXO.js";
import {
  formatResults
} from "./chunk-J32UMBSM.js";
import "./chunk-N42MG7A3.js";
import "./chunk-2L3ASERA.js";
import {
  parseChoice,
  parseReporting,
  parseRunConfig,
  renderMarkdown
} from "./chunk-VFJLKELW.js";
import {
  FORMATS,
  RUN_FLAGS,
  parseFlags
} from "./chunk-UU5CYP2X.js";
import "./chunk-2DPYQKST.js";
import {
  InputError
} from "./chunk-B6SFZLKL.js";
import "./chunk-HIUQPB7O.js";

// src/cli/run.ts
var runCommand = async (argv, io) => {
  const { values, positionals, help } = parseFlags(argv, [...RUN_FLAGS, "format"]);
  if (help) return "help";
  if (positionals.length > 0) {
    throw new InputError(`run takes only --flags; unexpected ${JSON.stringify(positionals[0])}`);
  }
  const raw = { ...values, ["comment" /* Comment */]: values["comment" /* Comment */] ?? "never" };
  const config = parseRunConfig(raw, io.env);
  const reporting = parseReporting(raw, io.env, config.name);
  const format = parseChoice("--format", values.format ?? "text", FORMATS);
  const line = (text) => io.stderr(`${text}
`);
  const results = await withSignalAbort(
    (signal) => runPipeline(config, {
      progress: line,
      info: line,
      warn: (text) => line(`warning: ${text}`),
      signal,
      env: io.env
    }),
    (signal) => line(`Received ${signal}: stopping, cleaning up\u2026`)
  );
  line(`Results: ${config.resultsFile}`);
  await commentOnPullRequest({
    body: renderMarkdown(results),
    verdict: results.comparison.verdict,
    reporting,
    token: io.env.GITHUB_TOKEN ?? "",
    env: io.env,
    info: line,
    warn: (text) => line(`warning: ${text}`)
  });
  return {
    output: formatResults(results, format),
    verdict: results.comparison.verdict,
    failOn: config.decision.failOn
  };
};
export {
  runCommand
};
