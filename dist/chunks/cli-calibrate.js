import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  measure
} from "./shared-cli-calibrate+cli-run.js";
import {
  writeResults
} from "./shared-cli-calibrate+cli-run+index.js";
import "./shared-cli-calibrate+cli-run+index+post.js";
import "./shared-cli+cli-calibrate+cli-run+index.js";
import "./shared-cli-calibrate+cli-compare+cli-run+index.js";
import "./shared-cli-calibrate+cli-report+cli-run+index+post.js";
import "./shared-cli-calibrate+cli-compare+cli-report+cli-run.js";
import {
  SeededRandom,
  analyse,
  designLevels,
  interleavedPosition,
  modifiedZScores,
  normalQuantile,
  parseChoice,
  parseRunConfig,
  planRun
} from "./shared-cli-calibrate+cli-compare+cli-report+cli-run+index.js";
import "./shared-cli-calibrate+cli-compare+cli-report+cli-run+index+post.js";
import "./shared-cli-calibrate+cli-main+cli-run+index+post.js";
import {
  FORMATS,
  RUN_FLAGS,
  parseFlags
} from "./shared-cli-calibrate+cli-compare+cli-main+cli-report+cli-run.js";
import "./shared-cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index.js";
import {
  InputError,
  plainText
} from "./shared-cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";
import "./shared-cli+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/report/calibration-text.ts
var percent = (x, digits = 1) => `${(100 * x).toFixed(digits)}%`;
var caught = (x) => x === null ? "more than 4\xD7" : `+${percent(x)}`;
function renderCalibration(calibration, benchmark) {
  const lines = [
    `Calibration of ${plainText(benchmark)}: the same thing as both groups, interleaved`,
    ""
  ];
  for (const [phase, found] of Object.entries(calibration.phases)) {
    lines.push(
      `${plainText(phase)} (${found.samples} samples, mean ${found.mean.toPrecision(4)} s)`
    );
    lines.push(...phaseLines(found, calibration));
    lines.push("");
  }
  const { inputs } = calibration;
  lines.push(
    "Inputs to paste:",
    `  threshold: ${inputs.threshold}`,
    `  samples: ${inputs.samples}`,
    `  statistic: ${inputs.statistic}`
  );
  return lines.join("\n");
}
function phaseLines(found, calibration) {
  const shape = [
    `CV ${percent(found.cv, 2)}`,
    `skew ${found.skew.toFixed(2)}`,
    `spikes ${percent(found.outliers)} of samples`,
    `${found.clustered ? "clustered" : "one mode"} (bimodality ${found.bimodality.toFixed(2)})`,
    `drift ${found.drift >= 0 ? "+" : ""}${percent(found.drift)} over the run`,
    `lag-1 autocorrelation ${found.autocorrelation.toFixed(2)}`
  ];
  return [
    `  noise: ${shape.join(", ")}`,
    `  at samples ${calibration.samples} (threshold ${percent(calibration.threshold, 0)}, statistic ${found.statistic}): a slowdown of ${caught(found.caught80)} is caught in 80% of runs, ${caught(found.caught95)} in 95%`,
    `  to catch +${percent(2 * calibration.threshold, 0)} (twice the threshold) in 80% of runs: about ${found.samplesNeeded} samples per group`,
    `  statistic: ${found.statistic}${reason(found)}`
  ];
}
function reason(found) {
  if (found.statistic === "trimmed") return " (spikes are common and the timings have one mode)";
  if (found.clustered) return " (clustered timings: trimming would change the mix of modes)";
  return "";
}

// src/stats/noise.ts
var SPIKE = 3.5;
var MOST_SPIKES = 0.1;
var BIMODAL = 5 / 9;
function noiseProfile(baseline, candidate) {
  const series = runOrder(baseline, candidate);
  const n = series.length;
  const mean = series.reduce((sum, x) => sum + x, 0) / n;
  const moment = (k) => series.reduce((sum, x) => sum + (x - mean) ** k, 0) / n;
  const variance = moment(2);
  const sd = Math.sqrt(variance * n / (n - 1));
  const skew = variance > 0 ? moment(3) / variance ** 1.5 : 0;
  const { scores } = modifiedZScores(series);
  const spikes = scores.filter((z) => Math.abs(z) > SPIKE).length / n;
  const typical = spikes > MOST_SPIKES ? series : series.filter((_, i) => Math.abs(scores[i]) <= SPIKE);
  const bimodality = sarle(typical);
  return {
    samples: n,
    mean,
    cv: mean > 0 ? sd / mean : 0,
    skew,
    outliers: spikes,
    bimodality,
    clustered: bimodality > BIMODAL,
    drift: mean > 0 ? slope(series) * (n - 1) / mean : 0,
    autocorrelation: lagOne(series, mean, variance)
  };
}
function sarle(values) {
  const n = values.length;
  if (n < 4) return 0;
  const mean = values.reduce((sum, x) => sum + x, 0) / n;
  const moment = (k) => values.reduce((sum, x) => sum + (x - mean) ** k, 0) / n;
  const variance = moment(2);
  if (variance === 0) return 0;
  const g1 = moment(3) / variance ** 1.5 * Math.sqrt(n * (n - 1)) / (n - 2);
  const g2 = (n - 1) / ((n - 2) * (n - 3)) * ((n + 1) * (moment(4) / variance ** 2 - 3) + 6);
  return (g1 * g1 + 1) / (g2 + 3 * (n - 1) ** 2 / ((n - 2) * (n - 3)));
}
function runOrder(baseline, candidate) {
  const placed = [
    ...baseline.map((x, i) => ({ x, at: interleavedPosition("baseline", i) })),
    ...candidate.map((x, i) => ({ x, at: interleavedPosition("candidate", i) }))
  ];
  return placed.sort((a, b) => a.at - b.at).map(({ x }) => x);
}
function slope(series) {
  const n = series.length;
  const centre = (n - 1) / 2;
  const mean = series.reduce((sum, x) => sum + x, 0) / n;
  let covariance = 0;
  let spread = 0;
  series.forEach((x, i) => {
    covariance += (i - centre) * (x - mean);
    spread += (i - centre) ** 2;
  });
  return spread > 0 ? covariance / spread : 0;
}
function lagOne(series, mean, variance) {
  if (variance === 0 || series.length < 3) return 0;
  let sum = 0;
  for (let i = 1; i < series.length; i++) sum += (series[i] - mean) * (series[i - 1] - mean);
  return sum / series.length / variance;
}

// src/stats/reach.ts
var RUNS = 400;
var MOST = 3;
var SEED = 20261207;
function smallestCaught(pool, options) {
  const mean = pool.reduce((sum, x) => sum + x, 0) / pool.length;
  const scaled = pool.map((x) => x / mean);
  const samples = Math.max(...options.design.looks.map((look) => look.baseline));
  const power = (slowdown) => {
    const random = new SeededRandom(SEED);
    const draw = (factor) => Array.from(
      { length: samples },
      () => factor * scaled[Math.floor(random.uniform() * scaled.length)]
    );
    let flagged = 0;
    for (let run = 0; run < RUNS; run++) {
      const { comparison } = analyse(draw(1), draw(1 + slowdown), options);
      if (comparison.verdict === "regression") flagged++;
    }
    return flagged / RUNS;
  };
  if (power(MOST) < options.power) return null;
  let low = options.threshold;
  let high = MOST;
  for (let step = 0; step < 14; step++) {
    const middle = (low + high) / 2;
    if (power(middle) >= options.power) high = middle;
    else low = middle;
  }
  return high;
}
function samplesForThreshold(cv, threshold, design) {
  const levels = designLevels(design);
  const level = levels[levels.length - 1].regression;
  const z = normalQuantile(1 - level) + normalQuantile(0.8);
  return Math.max(3, Math.ceil(2 * (z * cv / threshold) ** 2));
}
function fittingStatistic(profile) {
  return profile.outliers >= 0.02 && !profile.clustered ? "trimmed" : "mean";
}

// src/results/calibration.ts
var DEFAULT_RUN = { samples: 20, looks: 10 };
var FEWEST_SUGGESTED = 6;
function calibrate(results, settings) {
  const phases = {};
  for (const [phase, times] of Object.entries(phaseTimes(results))) {
    const profile = noiseProfile(times.baseline, times.candidate);
    const statistic = fittingStatistic(profile);
    const design = planRun({ alpha: settings.alpha, ...DEFAULT_RUN, statistic });
    const pool = [...times.baseline, ...times.candidate];
    const reach = (power) => smallestCaught(pool, { design, alpha: settings.alpha, threshold: settings.threshold, power });
    phases[phase] = {
      ...profile,
      statistic,
      caught80: reach(0.8),
      caught95: reach(0.95),
      samplesNeeded: samplesForThreshold(profile.cv, settings.threshold, design)
    };
  }
  const all = Object.values(phases);
  return {
    threshold: settings.threshold,
    alpha: settings.alpha,
    samples: DEFAULT_RUN.samples,
    phases,
    inputs: {
      threshold: settings.thresholdText,
      samples: Math.max(FEWEST_SUGGESTED, ...all.map((phase) => phase.samplesNeeded)),
      statistic: all.every((phase) => phase.statistic === "trimmed") ? "trimmed" : "mean"
    }
  };
}
function phaseTimes(results) {
  const phases = {};
  for (const result of results.results) {
    const phase = result.parameters.phase ?? "command";
    phases[phase] ??= { baseline: [], candidate: [] };
    const group = result.parameters.group === "baseline" ? "baseline" : "candidate";
    phases[phase][group].push(...result.times.filter(Number.isFinite));
  }
  return phases;
}

// src/cli/calibrate.ts
var SET_BY_CALIBRATE = [
  "baseline-version" /* BaselineVersion */,
  "candidate-version" /* CandidateVersion */,
  "baseline-command" /* BaselineCommand */,
  "candidate-command" /* CandidateCommand */,
  "baseline-program" /* BaselineProgram */,
  "looks" /* Looks */,
  "fail-on" /* FailOn */,
  "comment" /* Comment */,
  "comment-key" /* CommentKey */,
  "pull-request" /* PullRequest */
];
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
  const raw = {
    ...flags,
    ["name" /* Name */]: flags["name" /* Name */] ?? "calibrate",
    ["looks" /* Looks */]: "1",
    ["fail-on" /* FailOn */]: "never",
    ["comment" /* Comment */]: "never",
    ...command === void 0 ? { ["baseline-version" /* BaselineVersion */]: version, ["candidate-version" /* CandidateVersion */]: version } : { ["baseline-command" /* BaselineCommand */]: command, ["candidate-command" /* CandidateCommand */]: command }
  };
  const config = parseRunConfig(raw, io.env);
  const { outcome } = await measure(config, io);
  if (!outcome.finished) throw outcome.error;
  const { results } = outcome;
  const calibration = calibrate(results, {
    alpha: config.decision.alpha,
    threshold: config.decision.threshold,
    thresholdText: flags["threshold" /* Threshold */] ?? "5%"
  });
  const calibrated = { ...results, calibration };
  await writeResults(config.resultsFile, calibrated, io.redact);
  io.stderr(`Results: ${config.resultsFile}
`);
  return {
    output: format === "json" ? `${JSON.stringify(calibrated, null, 2)}
` : `${renderCalibration(calibration, results.benchmark)}
`,
    verdict: "unchanged",
    failOn: "never"
  };
};
export {
  CALIBRATE_FLAGS,
  calibrateCommand
};
