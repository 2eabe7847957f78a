import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  SET_BY_CALIBRATE,
  calibrateResults,
  calibrationAnswer,
  parseCalibrationConfig
} from "./shared-cli-calibrate+index.js";
import {
  measure
} from "./shared-cli-bisect+cli-calibrate+cli-run.js";
import "./shared-cli-bisect+cli-calibrate+cli-run+index.js";
import "./shared-cli-bisect+cli-calibrate+cli-run+index+post.js";
import "./shared-cli+cli-bisect+cli-calibrate+cli-run+index.js";
import "./shared-cli-bisect+cli-calibrate+cli-compare+cli-run+index.js";
import "./shared-cli-bisect+cli-calibrate+cli-report+cli-run+index+post.js";
import {
  RUN_FLAGS,
  parseFlags
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run.js";
import {
  FORMATS,
  parseChoice
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run+index.js";
import "./shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run+index+post.js";
import {
  InputError
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";
import "./shared-cli+cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/cli/calibrate.ts
var CALIBRATE_FLAGS = [
  "command",
  "pulumi-version",
  ...RUN_FLAGS.filter((input) => !SET_BY_CALIBRATE.includes(input))
];
var calibrateCommand = async (argv, io) => {
  const { values, positionals, help } = parseFlags(argv, [...CALIBRATE_FLAGS, "format"]);
  if (help) return "help";
  if (positionals.length > 0) {
    throw new InputError(
      `calibrate takes only --flags; unexpected ${JSON.stringify(positionals[0])}`
    );
  }
  const { command, "pulumi-version": version, format: formatFlag, ...flags } = values;
  if (command === void 0 === (version === void 0)) {
    throw new InputError(
      "calibrate needs one of --command (a shell command) or --pulumi-version (a Pulumi version or path), not both"
    );
  }
  const format = parseChoice("--format", formatFlag ?? "text", FORMATS);
  const subject = command === void 0 ? { kind: "pulumi", version } : { kind: "command", command };
  const { config, thresholdText } = parseCalibrationConfig(flags, subject, io.env);
  const { outcome } = await measure(config, io);
  if (!outcome.finished) throw outcome.error;
  const calibrated = await calibrateResults(config, outcome.results, thresholdText, io.redact);
  io.stderr(`Results: ${config.resultsFile}
`);
  return { answer: calibrationAnswer(calibrated), format };
};
export {
  CALIBRATE_FLAGS,
  calibrateCommand
};
