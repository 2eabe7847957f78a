import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  writeResults
} from "./shared-cli-bisect+cli-calibrate+cli-run+index.js";
import {
  SeededRandom,
  analyse,
  designLevels,
  inputValue,
  interleavedPosition,
  jsonText,
  modifiedZScores,
  normalQuantile,
  parseRunConfig,
  planRun
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run+index.js";
import {
  InputError,
  codeBlock,
  escapeMarkdown,
  plainText
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/config/calibration-config.ts
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
function actionCalibrationSubject(raw) {
  for (const input of ["candidate-version" /* CandidateVersion */, "candidate-command" /* CandidateCommand */]) {
    if (inputValue(raw, input) !== void 0) {
      throw new InputError(
        `${input} does not apply to mode calibrate: it runs ${"baseline-version" /* BaselineVersion */} or ${"baseline-command" /* BaselineCommand */} as both groups`
      );
    }
  }
  const version = inputValue(raw, "baseline-version" /* BaselineVersion */);
  const command = inputValue(raw, "baseline-command" /* BaselineCommand */);
  if (version === void 0 === (command === void 0)) {
    throw new InputError(
      `mode calibrate needs one of ${"baseline-version" /* BaselineVersion */} (a Pulumi version or path) or ${"baseline-command" /* BaselineCommand */} (a shell command), not both`
    );
  }
  return command === void 0 ? { kind: "pulumi", version } : { kind: "command", command };
}
function parseCalibrationConfig(raw, subject, env) {
  const own = Object.fromEntries(
    Object.entries(raw).filter(([input]) => !SET_BY_CALIBRATE.includes(input))
  );
  const config = parseRunConfig(
    {
      ...own,
      ["name" /* Name */]: inputValue(raw, "name" /* Name */) ?? "calibrate",
      ["looks" /* Looks */]: "1",
      ["fail-on" /* FailOn */]: "never",
      ["comment" /* Comment */]: "never",
      ...subject.kind === "pulumi" ? { ["baseline-version" /* BaselineVersion */]: subject.version, ["candidate-version" /* CandidateVersion */]: subject.version } : { ["baseline-command" /* BaselineCommand */]: subject.command, ["candidate-command" /* CandidateCommand */]: subject.command }
    },
    env
  );
  return { config, thresholdText: inputValue(raw, "threshold" /* Threshold */) };
}

// src/report/calibration-model.ts
var percent = (x, digits = 1) => `${(100 * x).toFixed(digits)}%`;
var caught = (x) => x === null ? "more than 4\xD7" : `+${percent(x)}`;
function calibrationFacts(calibration) {
  const phases = Object.entries(calibration.phases).map(([phase, found]) => ({
    heading: `${phase} (${found.samples} samples, mean ${found.mean.toPrecision(4)} s)`,
    lines: phaseLines(found, calibration)
  }));
  const { inputs } = calibration;
  return {
    phases,
    paste: [
      `threshold: ${inputs.threshold}`,
      `samples: ${inputs.samples}`,
      `statistic: ${inputs.statistic}`
    ]
  };
}
var calibrationTitle = (benchmark) => `Calibration of ${benchmark}: the same thing as both groups, interleaved`;
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
    `noise: ${shape.join(", ")}`,
    `at samples ${calibration.samples} (threshold ${percent(calibration.threshold, 0)}, statistic ${found.statistic}): a slowdown of ${caught(found.caught80)} is caught in 80% of runs, ${caught(found.caught95)} in 95%`,
    `to catch +${percent(2 * calibration.threshold, 0)} (twice the threshold) in 80% of runs: about ${found.samplesNeeded} samples per group`,
    `statistic: ${found.statistic}${reason(found)}`
  ];
}
function reason(found) {
  if (found.statistic === "trimmed") return " (spikes are common and the timings have one mode)";
  if (found.clustered) return " (clustered timings: trimming would change the mix of modes)";
  return "";
}

// src/export/markdown/calibration-markdown.ts
function renderCalibrationMarkdown(calibration, benchmark) {
  const facts = calibrationFacts(calibration);
  const lines = [`## ${escapeMarkdown(calibrationTitle(benchmark))}`, ""];
  for (const phase of facts.phases) {
    lines.push(`### ${escapeMarkdown(phase.heading)}`, "");
    lines.push(...phase.lines.map((line) => `- ${escapeMarkdown(line)}`), "");
  }
  lines.push("Inputs to paste into the gate:", "", codeBlock(facts.paste.join("\n"), "yaml"));
  return lines.join("\n");
}

// src/export/text/calibration-text.ts
function renderCalibration(calibration, benchmark) {
  const facts = calibrationFacts(calibration);
  const lines = [plainText(calibrationTitle(benchmark)), ""];
  for (const phase of facts.phases) {
    lines.push(plainText(phase.heading), ...phase.lines.map((line) => `  ${line}`), "");
  }
  lines.push("Inputs to paste:", ...facts.paste.map((line) => `  ${line}`));
  return lines.join("\n");
}

// src/stats/describe/noise.ts
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

// src/stats/power/reach.ts
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

// src/run/calibration-run.ts
async function calibrateResults(config, results, thresholdText, redact) {
  const calibration = calibrate(results, {
    alpha: config.decision.alpha,
    threshold: config.decision.threshold,
    thresholdText
  });
  const calibrated = { ...results, calibration };
  await writeResults(config.resultsFile, calibrated, redact);
  return calibrated;
}
function calibrationAnswer(calibrated) {
  const { calibration, benchmark } = calibrated;
  return {
    verdict: "unchanged",
    fails: false,
    render: (format) => {
      if (format === "json") return jsonText(calibrated);
      if (format === "markdown") return `${renderCalibrationMarkdown(calibration, benchmark)}
`;
      return `${renderCalibration(calibration, benchmark)}
`;
    },
    outputs: {}
  };
}

export {
  SET_BY_CALIBRATE,
  actionCalibrationSubject,
  parseCalibrationConfig,
  calibrateResults,
  calibrationAnswer
};
