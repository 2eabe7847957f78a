import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  MAX_LOOKS,
  MAX_SAMPLES,
  analyse,
  lookLevels,
  lookSampleSizes,
  obrienFlemingSpent,
  resultsFile,
  sourceOf,
  spendingLevels,
  summarize,
  welchFigures
} from "./shared-cli-compare+cli-report+cli-run+index.js";
import {
  InputError
} from "./shared-cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/results/read.ts
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
var READ_LIMITS = { bytes: 32 * 1024 * 1024, depth: 64 };
async function readResultsFile(path, limits = READ_LIMITS) {
  let text;
  try {
    const { size } = await stat(path);
    if (size > limits.bytes) {
      throw new InputError(
        `${path}: the file holds ${size} bytes; a results file may hold at most ${limits.bytes}`
      );
    }
    text = await readFile(path, "utf8");
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = error.code;
    throw new InputError(`${path}: cannot read the file (${code ?? String(error)})`);
  }
  return parseResults(text, path, limits);
}
function parseResults(text, path, limits = READ_LIMITS) {
  let data;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new InputError(`${path}: not valid JSON (${error.message})`);
  }
  if (nestedDeeperThan(data, limits.depth)) {
    throw new InputError(`${path}: nested deeper than ${limits.depth} levels; not a results file`);
  }
  if (!isObject(data) || !Array.isArray(data.results)) {
    throw new InputError(
      `${path}: no "results" array; expected hyperfine's --export-json format or a pulumi-perf-gate results file`
    );
  }
  const results = data.results.map(
    (result, index) => parseResult(result, `${path}: results[${index}]`)
  );
  if (isObject(data.comparison)) checkDesign(data.comparison, path);
  return {
    path,
    benchmark: typeof data.benchmark === "string" ? data.benchmark : void 0,
    results,
    raw: data
  };
}
function parseResult(value, where) {
  if (!isObject(value)) throw new InputError(`${where} is not an object`);
  if (!Array.isArray(value.times)) throw new InputError(`${where} has no "times" array`);
  const times = value.times.map((time, index) => {
    if (typeof time !== "number" || !Number.isFinite(time) || time < 0) {
      throw new InputError(
        `${where}.times[${index}] is ${JSON.stringify(time)}; times must be non-negative numbers of seconds`
      );
    }
    return time;
  });
  const parameters = {};
  if (isObject(value.parameters)) {
    for (const [key, parameter] of Object.entries(value.parameters)) {
      parameters[key] = String(parameter);
    }
  }
  const exitCodes = Array.isArray(value.exit_codes) ? value.exit_codes.map((code) => typeof code === "number" ? code : 0) : times.map(() => 0);
  return {
    command: typeof value.command === "string" ? value.command : "",
    times,
    exitCodes,
    parameters,
    ...typeof value.version === "string" ? { version: value.version } : {}
  };
}
function nestedDeeperThan(value, limit) {
  const pending = [[value, 1]];
  for (let next = pending.pop(); next !== void 0; next = pending.pop()) {
    const [item, depth] = next;
    if (typeof item !== "object" || item === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}
function checkDesign(comparison, path) {
  const { plannedSamples: samples, plannedLooks: looks } = comparison;
  const within = (value, max) => Number.isSafeInteger(value) && value >= 1 && value <= max;
  if (samples !== void 0 && !within(samples, MAX_SAMPLES)) {
    throw new InputError(
      `${path}: comparison.plannedSamples is ${JSON.stringify(samples)}; a run plans 1 to ${MAX_SAMPLES} samples per group`
    );
  }
  const maxLooks = Math.min(MAX_LOOKS, typeof samples === "number" ? samples : MAX_SAMPLES);
  if (looks !== void 0 && !within(looks, maxLooks)) {
    throw new InputError(
      `${path}: comparison.plannedLooks is ${JSON.stringify(looks)}; a run plans 1 to ${maxLooks} looks`
    );
  }
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function resultName(result) {
  return result.parameters.group ?? result.command;
}
function benchmarkName(file) {
  return file.benchmark ?? basename(file.path).replace(/\.json$/i, "");
}

// src/stats/holm.ts
function holmAdjust(pValues) {
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((x, y) => x.p - y.p);
  const adjusted = new Array(m);
  let running = 0;
  order.forEach(({ p, index }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[index] = running;
  });
  return adjusted;
}

// src/stats/family.ts
function regressionPath(baseline, candidate, design) {
  return lookSampleSizes(design.samples, design.looks).slice(0, design.looksMade).map((n) => {
    const b = Math.min(n, baseline.length);
    const c = Math.min(n, candidate.length);
    return welchFigures(
      summarize(baseline.slice(0, b)),
      summarize(candidate.slice(0, c)),
      design.threshold
    ).pRegression;
  });
}
var SEARCH_STEPS = 30;
var SMALLEST = 1e-30;
var LARGEST = 0.5;
function sequentialPValue(path) {
  if (path.looks === 1) return path.pValues[0] ?? 1;
  const fractions = lookSampleSizes(path.samples, path.looks).map((n) => n / path.samples);
  return Math.min(
    1,
    ...path.pValues.map((p, k) => {
      if (k === 0) return firstLookAlpha(p, fractions[0]);
      const levelAt = (alpha) => spendingLevels(alpha, fractions.slice(0, k + 1))[k];
      return invertIncreasing(levelAt, p);
    })
  );
}
function firstLookAlpha(p, fraction) {
  return invertIncreasing((alpha) => obrienFlemingSpent(alpha, fraction), p);
}
function invertIncreasing(level, p) {
  if (p >= level(LARGEST)) return 1;
  let low = Math.log(SMALLEST);
  let high = Math.log(LARGEST);
  if (p <= level(Math.exp(low))) return SMALLEST;
  for (let i = 0; i < SEARCH_STEPS; i++) {
    const middle = (low + high) / 2;
    if (level(Math.exp(middle)) < p) low = middle;
    else high = middle;
  }
  return Math.exp(high);
}
function familyAdjusted(paths) {
  return holmAdjust(paths.map(sequentialPValue));
}
function holmRegressions(paths, alpha) {
  const rejected = paths.map(() => false);
  for (; ; ) {
    const left = paths.map((_, index) => index).filter((index) => !rejected[index]);
    const level = alpha / left.length;
    const now = left.filter((index) => rejectsAt(paths[index], level));
    if (now.length === 0) return rejected;
    for (const index of now) rejected[index] = true;
  }
}
function rejectsAt(path, alpha) {
  const levels = lookLevels(alpha, path.samples, path.looks);
  return path.pValues.some((p, k) => p < levels[k]);
}

// src/results/select.ts
function selectResults(files, names) {
  if (files.length === 2) {
    for (const file of files) {
      if (file.results.length !== 1) {
        throw new InputError(
          `${file.path} holds ${file.results.length} results; with two files each must hold exactly one`
        );
      }
    }
  } else if (files.length === 1 && files[0].results.length < 2) {
    throw new InputError(
      `${files[0].path} holds ${files[0].results.length} result${files[0].results.length === 1 ? "" : "s"}; compare needs two (or give a second file)`
    );
  }
  const all = files.flatMap((file) => file.results);
  const chosen = {
    baseline: names.baseline === void 0 ? void 0 : find(all, names.baseline, "baseline"),
    candidate: names.candidate === void 0 ? void 0 : find(all, names.candidate, "candidate")
  };
  if (chosen.baseline !== void 0 && chosen.baseline === chosen.candidate) {
    throw new InputError(
      `--baseline and --candidate pick the same result (${JSON.stringify(resultName(chosen.baseline))})`
    );
  }
  const rest = all.filter((result) => result !== chosen.baseline && result !== chosen.candidate);
  const baseline = chosen.baseline ?? rest.shift();
  const candidate = chosen.candidate ?? rest.shift();
  return { baseline, candidate };
}
function find(results, name, flag) {
  const found = results.find((result) => result.parameters.group === name) ?? results.find((result) => result.command === name);
  if (found) return found;
  const known = results.map((result) => JSON.stringify(resultName(result))).join(", ");
  throw new InputError(
    `--${flag} ${JSON.stringify(name)} matches no result; the results are ${known}`
  );
}

// src/results/reanalyse.ts
function analyseFiles(files, design) {
  const { baseline, candidate } = selectResults(files, design);
  const samples = design.samples ?? Math.max(baseline.times.length, candidate.times.length);
  if (design.looks > samples) {
    throw new InputError(
      `looks: ${design.looks} is more than the ${samples} samples the files hold`
    );
  }
  const names = { baseline: resultName(baseline), candidate: resultName(candidate) };
  const analysis = analyse(baseline.times, candidate.times, { ...design, samples, names });
  const first = files[0];
  const results = resultsFile(
    design.name ?? benchmarkName(first),
    {
      baseline: sourceOf(names.baseline, baseline),
      candidate: sourceOf(names.candidate, candidate)
    },
    analysis,
    files.length === 1 ? recordedContext(first) : {}
  );
  const path = {
    samples,
    looks: design.looks,
    pValues: regressionPath(baseline.times, candidate.times, {
      samples,
      looks: design.looks,
      threshold: design.threshold,
      looksMade: analysis.comparison.looks.length
    })
  };
  return { results, path };
}
function reanalyse(file, defaults) {
  const recorded = recordedDesign(file);
  const samples = recorded.samples ?? Math.max(0, ...file.results.slice(0, 2).map((result) => result.times.length));
  return analyseFiles([file], {
    alpha: recorded.alpha ?? defaults.alpha,
    threshold: recorded.threshold ?? defaults.threshold,
    samples: recorded.samples,
    looks: Math.min(recorded.looks ?? 1, Math.max(samples, 1)),
    baseline: recorded.baseline,
    candidate: recorded.candidate
  });
}
function recordedDesign(file) {
  const comparison = file.raw.comparison;
  if (typeof comparison !== "object" || comparison === null) return {};
  const field = (name) => comparison[name];
  const number = (name) => typeof field(name) === "number" ? field(name) : void 0;
  const text = (name) => typeof field(name) === "string" ? field(name) : void 0;
  return {
    alpha: number("alpha"),
    threshold: number("threshold"),
    samples: number("plannedSamples"),
    looks: number("plannedLooks"),
    baseline: text("baseline"),
    candidate: text("candidate")
  };
}
function recordedContext(file) {
  const extra = {};
  if (Array.isArray(file.raw.schedule)) extra.schedule = file.raw.schedule;
  if (typeof file.raw.environment === "object" && file.raw.environment !== null) {
    extra.environment = file.raw.environment;
  }
  return extra;
}

export {
  readResultsFile,
  familyAdjusted,
  holmRegressions,
  analyseFiles,
  reanalyse
};
