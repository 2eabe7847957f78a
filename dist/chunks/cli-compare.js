import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  analyseFiles,
  benchmarkName,
  phaseFiles,
  placedDesign,
  readResultsFile,
  recordedContext,
  recordedDesign,
  resultName,
  selectSweep,
  sweepFiles
} from "./shared-cli-compare+cli-report+index.js";
import {
  analyseFamily,
  analysePhases,
  candidateIndexes,
  sweepPairs,
  sweepResultsFile
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-run+index.js";
import {
  parseFlags
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run.js";
import {
  FORMATS,
  FailedRuns,
  MAX_LOOKS,
  STATISTICS,
  analyse,
  checkNoFailedRuns,
  checkNoFailedSweepRuns,
  failedAnswer,
  parseChoice,
  parseDecision,
  parseFamilySize,
  parseInteger,
  phasedResultsFile,
  planDesign,
  resultsAnswer,
  resultsFile,
  sourceOf,
  stepVerdict,
  workflowRunUrl
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run+index.js";
import "./shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run+index+post.js";
import {
  InputError
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";
import "./shared-cli+cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/results/reanalyse/sweep-reanalyse.ts
function analyseSweepFiles(files, options) {
  const selection = selectSweep(files, options);
  const first = files[0];
  const benchmark = options.name ?? benchmarkName(first);
  const sources = selection.groups.map((result, index) => sourceOf(selection.names[index], result));
  checkNoFailedSweepRuns(benchmark, sources);
  const sweep = {
    names: selection.names,
    baseline: selection.baseline,
    phases: [{ sources }]
  };
  const familySize = (options.familySize ?? 1) * candidateIndexes(sweep).length;
  const members = sweepPairs(sweep).map((pair) => ({
    ...pair,
    design: placedDesign(pair.baseline.length, pair.candidate.length, { ...options, familySize })
  }));
  const family = analyseFamily(members, options);
  return sweepResultsFile(
    benchmark,
    sweep,
    family,
    files.length === 1 ? recordedContext(first) : {}
  );
}
function replaySweep(file, policy) {
  const parts = sweepFiles(file);
  if (parts === void 0) return void 0;
  const recorded = file.raw.sweep;
  const entries = file.raw.sweep.comparisons;
  const phases = [...new Set(entries.map((entry) => entry.phase))];
  const sweep = {
    names: recorded.groups,
    baseline: recorded.groups.indexOf(recorded.baseline),
    phases: phases.map((phase) => ({
      ...phase === void 0 ? {} : { phase },
      sources: file.results.filter((result) => result.parameters.phase === phase).map((result, index) => sourceOf(recorded.groups[index], result))
    }))
  };
  const benchmark = benchmarkName(file);
  checkNoFailedSweepRuns(
    benchmark,
    sweep.phases.flatMap(({ sources }) => sources)
  );
  const members = [];
  for (const pair of sweepPairs(sweep)) {
    const index = entries.findIndex(
      (entry) => entry.candidate === pair.names.candidate && entry.phase === pair.phase
    );
    const design = index === -1 ? void 0 : recordedDesign(parts[index]).design;
    if (design === void 0) return void 0;
    members.push({ ...pair, design: planDesign(design.looks, policy.alpha, design) });
  }
  const family = analyseFamily(members, policy);
  return sweepResultsFile(benchmark, sweep, family, recordedContext(file));
}

// src/results/reanalyse/replay.ts
function replayOwnFile(file, policy) {
  const { design: recorded } = recordedDesign(file);
  const comparison = file.raw.comparison;
  const recordedAlpha = comparison?.alpha;
  const recordedThreshold = comparison?.threshold;
  if (recorded === void 0 || typeof recordedAlpha !== "number" || !(recordedAlpha > 0 && recordedAlpha < 1) || typeof recordedThreshold !== "number" || !(recordedThreshold >= 0 && recordedThreshold < 1)) {
    return void 0;
  }
  const alpha = policy.alpha ?? recordedAlpha;
  const threshold = policy.threshold ?? recordedThreshold;
  const results = file.raw.sweep ? replaySweep(file, { alpha, threshold }) : replayPhases(file, recorded, { alpha, threshold });
  if (results === void 0) return void 0;
  const was = recordedVerdict(file);
  const now = stepVerdict(results);
  if (was !== void 0 && was !== now) {
    const changed = [
      ...alpha === recordedAlpha ? [] : [`--alpha ${alpha} (the run used ${recordedAlpha})`],
      ...threshold === recordedThreshold ? [] : [`--threshold ${percent(threshold)} (the run used \xB1${percent(recordedThreshold)})`]
    ];
    const why = changed.length > 0 ? `because of ${changed.join(" and ")}` : "on the same design";
    results.comparison.warnings.unshift(
      `The run recorded the verdict ${was}; this analysis gives ${now} ${why}.`
    );
  }
  return results;
}
function replayPhases(file, recorded, { alpha, threshold }) {
  const parts = phaseFiles(file);
  if (parts.some((part) => part.results.length !== 2)) return void 0;
  const benchmark = benchmarkName(file);
  const phases = parts.map((part) => {
    const [baseline, candidate] = part.results;
    const sources = {
      baseline: sourceOf(resultName(baseline) || "baseline", baseline),
      candidate: sourceOf(resultName(candidate) || "candidate", candidate)
    };
    return { phase: baseline.parameters.phase ?? "", sources };
  });
  checkNoFailedRuns(
    benchmark,
    phases.map(({ phase, sources }) => parts.length > 1 ? { phase, sources } : { sources })
  );
  const design = planDesign(recorded.looks, alpha, recorded);
  const extra = recordedContext(file);
  const names = (sources) => ({
    baseline: sources.baseline.name,
    candidate: sources.candidate.name
  });
  let results;
  if (phases.length === 1) {
    const { sources } = phases[0];
    const analysis = analyse(sources.baseline.times, sources.candidate.times, {
      alpha,
      threshold,
      design,
      names: names(sources)
    });
    results = resultsFile(benchmark, sources, analysis, extra);
  } else {
    const family = analysePhases(
      phases.map(({ sources }) => ({
        baseline: sources.baseline.times,
        candidate: sources.candidate.times
      })),
      { alpha, threshold, design }
    );
    results = phasedResultsFile(benchmark, phases, family, extra);
  }
  return results;
}
function recordedVerdict(file) {
  const field = (name) => file.raw[name]?.verdict;
  const verdict = field("sweep") ?? field("family") ?? field("comparison");
  return typeof verdict === "string" && ["regression", "improvement", "unchanged", "inconclusive"].includes(verdict) ? verdict : void 0;
}
function percent(fraction) {
  return `${Number((fraction * 100).toPrecision(6))}%`;
}

// src/cli/compare.ts
var FLAGS = [
  "baseline",
  "candidate",
  "alpha",
  "threshold",
  "looks",
  "family-size",
  "statistic",
  "fail-on",
  "format",
  "name"
];
var compareCommand = async (argv, io) => {
  const { values, positionals, help } = parseFlags(argv, FLAGS);
  if (help) return "help";
  if (positionals.length < 1 || positionals.length > 2) {
    throw new InputError(
      `compare takes one file with two or more results, or two files with one each; got ${positionals.length} files`
    );
  }
  const decision = parseDecision({
    ["alpha" /* Alpha */]: values.alpha,
    ["threshold" /* Threshold */]: values.threshold ?? "0%",
    ["fail-on" /* FailOn */]: values["fail-on"]
  });
  const given = {
    ...values.alpha === void 0 ? {} : { alpha: decision.alpha },
    ...values.threshold === void 0 ? {} : { threshold: decision.threshold }
  };
  const format = parseChoice("--format", values.format ?? "text", FORMATS);
  const looks = parseInteger("--looks", values.looks ?? "1", { min: 1, max: MAX_LOOKS });
  const familySize = parseFamilySize({ ["family-size" /* FamilySize */]: values["family-size"] });
  const statistic = values.statistic === void 0 ? void 0 : parseChoice("--statistic", values.statistic, STATISTICS);
  const files = await Promise.all(positionals.map((path) => readResultsFile(path)));
  const runUrl = workflowRunUrl(io.env);
  const ownDesign = files.length === 1 && values.baseline === void 0 && values.candidate === void 0 && values.looks === void 0 && values["family-size"] === void 0 && statistic === void 0;
  let results;
  try {
    const replayed = ownDesign ? replayOwnFile(files[0], given) : void 0;
    if (replayed !== void 0) {
      const name = values.name;
      if (name !== void 0) replayed.benchmark = name;
      return { answer: resultsAnswer(replayed, { failOn: decision.failOn, runUrl }), format };
    }
    const design = {
      ...decision,
      looks,
      familySize,
      baseline: values.baseline,
      name: values.name,
      ...statistic === void 0 ? {} : { statistic }
    };
    const sweep = values.candidate === void 0 && files.reduce((sum, file) => sum + file.results.length, 0) > 2;
    results = sweep ? analyseSweepFiles(files, design) : analyseFiles(files, { ...design, candidate: values.candidate }).results;
  } catch (error) {
    if (!(error instanceof FailedRuns)) throw error;
    const run = { benchmark: error.partial.benchmark, error, partial: error.partial };
    return { answer: failedAnswer(run, { runUrl }), format };
  }
  return { answer: resultsAnswer(results, { failOn: decision.failOn, runUrl }), format };
};
export {
  compareCommand
};
