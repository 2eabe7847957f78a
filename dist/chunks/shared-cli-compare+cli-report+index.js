import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  MAX_LOOKS,
  MAX_SAMPLES,
  STATISTICS,
  analyse,
  checkNoFailedRuns,
  isPhase,
  placeLooks,
  planDesign,
  readResourceFields,
  regressionPath,
  resultsFile,
  sourceOf
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run+index.js";
import {
  fileErrorCode
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run+index+post.js";
import {
  InputError
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/results/read/read.ts
import { open, stat } from "node:fs/promises";
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
    text = await readAtMost(path, limits.bytes);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: cannot read the file (${fileErrorCode(error)})`);
  }
  return parseResults(text, path, limits);
}
async function readAtMost(path, bytes) {
  const handle = await open(path, "r");
  try {
    const chunks = [];
    let total = 0;
    for (; ; ) {
      const chunk = Buffer.alloc(Math.min(1024 * 1024, bytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > bytes) {
        throw new InputError(
          `${path}: the file holds more than ${bytes} bytes; a results file may hold at most ${bytes}`
        );
      }
    }
    return Buffer.concat(chunks).toString("utf8");
  } finally {
    await handle.close();
  }
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
  const ours = "comparison" in data || "error" in data;
  const results = data.results.map(
    (result, index) => parseResult(result, `${path}: results[${index}]`, ours)
  );
  if (isObject(data.comparison)) checkDesign(data.comparison, path, "comparison");
  if (isObject(data.phases)) {
    for (const [phase, comparison] of Object.entries(data.phases)) {
      if (isPhase(phase) && isObject(comparison)) checkDesign(comparison, path, `phases.${phase}`);
    }
  }
  return {
    path,
    benchmark: typeof data.benchmark === "string" ? data.benchmark : void 0,
    results,
    raw: data
  };
}
var MAX_TIME = 1e9;
function parseResult(value, where, ours) {
  if (!isObject(value)) throw new InputError(`${where} is not an object`);
  if (!Array.isArray(value.times)) throw new InputError(`${where} has no "times" array`);
  const times = value.times.map((time, index) => {
    if (typeof time !== "number" || !Number.isFinite(time) || time < 0 || time > MAX_TIME) {
      throw new InputError(
        `${where}.times[${index}] is ${JSON.stringify(time)}; times must be numbers of seconds from 0 to ${MAX_TIME}`
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
  return {
    command: typeof value.command === "string" ? value.command : "",
    times,
    exitCodes: parseExitCodes(value.exit_codes, times.length, where),
    parameters,
    ...typeof value.version === "string" ? { version: value.version } : {},
    ...readResourceFields(value, times.length, ours)
  };
}
function parseExitCodes(value, count, where) {
  if (value === void 0) return Array(count).fill(0);
  if (!Array.isArray(value) || value.length !== count) {
    throw new InputError(
      `${where}.exit_codes must be an array with one exit code per time (${count}), an integer or null each`
    );
  }
  return value.map((code, index) => {
    if (code !== null && !Number.isInteger(code)) {
      throw new InputError(
        `${where}.exit_codes[${index}] is not an exit code; expected an integer or null`
      );
    }
    return code;
  });
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
function checkDesign(comparison, path, where) {
  const { plannedSamples: samples, plannedLooks: looks } = comparison;
  const within = (value, max) => Number.isSafeInteger(value) && value >= 1 && value <= max;
  if (samples !== void 0 && !within(samples, MAX_SAMPLES)) {
    throw new InputError(
      `${path}: ${where}.plannedSamples is ${JSON.stringify(samples)}; a run plans 1 to ${MAX_SAMPLES} samples per group`
    );
  }
  const maxLooks = Math.min(MAX_LOOKS, typeof samples === "number" ? samples : MAX_SAMPLES);
  if (looks !== void 0 && !within(looks, maxLooks)) {
    throw new InputError(
      `${path}: ${where}.plannedLooks is ${JSON.stringify(looks)}; a run plans 1 to ${maxLooks} looks`
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

// src/results/read/recorded-design.ts
var MAX_RECORDED_LOOKS = 64;
var MAX_FAMILY = 1e3;
var GAMMA_RANGE = 20;
function recordedDesign(file) {
  const comparison = field(file.raw, "comparison");
  const design = field(comparison, "design");
  if (design === void 0) {
    const looks2 = field(comparison, "plannedLooks");
    return typeof looks2 === "number" && looks2 > 1 ? { problem: `its ${looks2} looks are recorded without the design this version replays` } : {};
  }
  const looks = field(design, "looks");
  if (!Array.isArray(looks) || looks.length === 0 || looks.length > MAX_RECORDED_LOOKS) {
    return { problem: `its recorded design needs 1 to ${MAX_RECORDED_LOOKS} looks` };
  }
  const sizes = [];
  for (const look of looks) {
    const size = { baseline: field(look, "baseline"), candidate: field(look, "candidate") };
    const previous = sizes[sizes.length - 1] ?? { baseline: 1, candidate: 1 };
    if (!isCount(size.baseline, previous.baseline) || !isCount(size.candidate, previous.candidate)) {
      return {
        problem: `its recorded looks must grow from at least 2 to at most ${MAX_SAMPLES.toLocaleString("en-US")} samples per group`
      };
    }
    sizes.push({ baseline: size.baseline, candidate: size.candidate });
  }
  const familySize = field(design, "familySize") ?? 1;
  if (!Number.isInteger(familySize) || familySize < 1 || familySize > MAX_FAMILY) {
    return { problem: `its recorded family size must be a whole number from 1 to ${MAX_FAMILY}` };
  }
  const gammas = {
    regression: gamma(design, "regression"),
    equivalence: gamma(design, "equivalence")
  };
  if (gammas.regression === void 0 || gammas.equivalence === void 0) {
    return { problem: "its recorded spending is not Hwang\u2013Shih\u2013DeCani with a \u03B3 from \u221220 to 20" };
  }
  const fromSamples = {
    regression: fromSamplesOf(design, "regression"),
    equivalence: fromSamplesOf(design, "equivalence")
  };
  if (fromSamples.regression === void 0 || fromSamples.equivalence === void 0) {
    return { problem: `its recorded fromSamples must be a whole number from 0 to ${MAX_SAMPLES}` };
  }
  const spreadFloor = spreadFloorOf(design);
  if (spreadFloor === void 0) {
    return {
      problem: "its recorded spread floor needs a share from 0 to 1 and a whole belowSamples"
    };
  }
  const statistic = field(design, "statistic") ?? "mean";
  if (!STATISTICS.includes(statistic)) {
    return { problem: `its recorded statistic must be one of ${STATISTICS.join(", ")}` };
  }
  const detrend = field(design, "detrend") ?? false;
  if (typeof detrend !== "boolean") return { problem: "its recorded detrend is not true or false" };
  return {
    design: {
      looks: sizes,
      familySize,
      gammas: { regression: gammas.regression, equivalence: gammas.equivalence },
      fromSamples: { regression: fromSamples.regression, equivalence: fromSamples.equivalence },
      statistic,
      spreadFloor,
      detrend
    }
  };
}
function isCount(value, previous) {
  return Number.isInteger(value) && value > previous && value <= MAX_SAMPLES;
}
function gamma(design, test) {
  const spending = field(design, test);
  const value = field(spending, "gamma");
  return field(spending, "function") === "hwang-shih-decani" && typeof value === "number" && Math.abs(value) <= GAMMA_RANGE ? value : void 0;
}
function fromSamplesOf(design, test) {
  const value = field(field(design, test), "fromSamples") ?? 0;
  return Number.isInteger(value) && value >= 0 && value <= MAX_SAMPLES ? value : void 0;
}
function spreadFloorOf(design) {
  const floor = field(design, "spreadFloor") ?? null;
  if (floor === null) return null;
  const share = field(floor, "share");
  const belowSamples = field(floor, "belowSamples");
  return typeof share === "number" && share >= 0 && share <= 1 && Number.isInteger(belowSamples) && belowSamples >= 0 && belowSamples <= MAX_SAMPLES ? { share, belowSamples } : void 0;
}
function field(value, name) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value[name] : void 0;
}

// src/results/read/select.ts
import { basename as basename2 } from "node:path";
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
  const all = files.flatMap((file) => file.results.map((result) => ({ result, file })));
  const chosen = {
    baseline: names.baseline === void 0 ? void 0 : find(all, names.baseline, "baseline"),
    candidate: names.candidate === void 0 ? void 0 : find(all, names.candidate, "candidate")
  };
  if (chosen.baseline !== void 0 && chosen.baseline === chosen.candidate) {
    throw new InputError(
      `--baseline and --candidate pick the same result (${JSON.stringify(resultName(chosen.baseline.result))}); name them by parameters.group, or leave them out to compare by position`
    );
  }
  const rest = all.filter((entry) => entry !== chosen.baseline && entry !== chosen.candidate);
  const baseline = chosen.baseline ?? rest.shift();
  const candidate = chosen.candidate ?? rest.shift();
  return {
    baseline: baseline.result,
    candidate: candidate.result,
    names: labels(baseline, candidate),
    leftOut: rest.map((entry) => resultName(entry.result) || "(a result without a command)")
  };
}
function labels(baseline, candidate) {
  const own = [resultName(baseline.result), resultName(candidate.result)];
  if (own[0] !== "" && own[1] !== "" && own[0] !== own[1]) {
    return { baseline: own[0], candidate: own[1] };
  }
  const stems = [baseline.file, candidate.file].map(
    (file) => basename2(file.path).replace(/\.json$/i, "")
  );
  if (baseline.file !== candidate.file && stems[0] !== stems[1]) {
    return { baseline: stems[0], candidate: stems[1] };
  }
  return { baseline: "baseline", candidate: "candidate" };
}
function find(entries, name, flag) {
  const found = entries.find((entry) => entry.result.parameters.group === name) ?? entries.find((entry) => entry.result.command === name);
  if (found) return found;
  const known = entries.map((entry) => JSON.stringify(resultName(entry.result))).join(", ");
  throw new InputError(
    `--${flag} ${JSON.stringify(name)} matches no result; the results are ${known}`
  );
}
function selectSweep(files, options) {
  const all = files.flatMap((file) => file.results.map((result) => ({ result, file })));
  const baseline = options.baseline === void 0 ? all[0] : find(all, options.baseline, "baseline");
  const groups = all.map((entry) => entry.result);
  return { groups, names: distinctNames(groups), baseline: all.indexOf(baseline) };
}
function distinctNames(results) {
  const own = results.map((result) => resultName(result) || "(a result without a command)");
  const withParameters = own.map((name, index) => {
    if (own.filter((other) => other === name).length === 1) return name;
    const rest = Object.entries(results[index].parameters).filter(([key]) => key !== "group").map(([key, value]) => `${key}=${value}`);
    return rest.length === 0 ? name : `${name} (${rest.join(", ")})`;
  });
  return withParameters.map(
    (name, index) => withParameters.filter((other) => other === name).length === 1 ? name : `${name} #${index + 1}`
  );
}

// src/results/reanalyse/reanalyse.ts
function analyseFiles(files, options) {
  const { baseline, candidate, names, leftOut } = selectResults(files, options);
  const first = files[0];
  const sources = {
    baseline: sourceOf(names.baseline, baseline),
    candidate: sourceOf(names.candidate, candidate)
  };
  const benchmark = options.name ?? benchmarkName(first);
  checkNoFailedRuns(benchmark, [{ sources }]);
  const design = placedDesign(baseline.times.length, candidate.times.length, options);
  const analysis = analyse(baseline.times, candidate.times, { ...options, design, names });
  if (leftOut.length > 0) analysis.comparison.warnings.unshift(leftOutWarning(leftOut));
  const results = resultsFile(
    benchmark,
    sources,
    analysis,
    files.length === 1 ? recordedContext(first) : {}
  );
  const path = {
    design,
    pValues: regressionPath(
      baseline.times,
      candidate.times,
      analysis.comparison.looks,
      options.threshold,
      design
    )
  };
  return { results, path };
}
function placedDesign(baseline, candidate, options) {
  if (options.design) return planDesign(options.design.looks, options.alpha, options.design);
  const looks = Math.max(1, Math.min(options.looks, baseline, candidate));
  return planDesign(placeLooks({ baseline, candidate }, looks), options.alpha, {
    familySize: options.familySize ?? 1,
    statistic: options.statistic ?? "mean"
  });
}
function leftOutWarning(leftOut) {
  const shown = leftOut.slice(0, MAX_LEFT_OUT).map((name) => JSON.stringify(name));
  const more = leftOut.length - shown.length;
  const names = more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
  return `${leftOut.length} more result${leftOut.length === 1 ? " was" : "s were"} left out of this comparison of two: ${names}. Leave out --candidate to compare them all with the baseline.`;
}
var MAX_LEFT_OUT = 20;
function reanalyse(file, policy) {
  const recorded = recordedDesign(file);
  if (recorded.problem !== void 0) {
    policy.warn(`${file.path}: ${recorded.problem}; analysed as a fixed-size comparison`);
  }
  return analyseFiles([file], {
    alpha: policy.alpha,
    threshold: policy.threshold,
    looks: 1,
    ...recorded.design ? { design: recorded.design } : {}
  });
}
function recordedContext(file) {
  const extra = {};
  if (Array.isArray(file.raw.schedule)) extra.schedule = file.raw.schedule;
  if (typeof file.raw.environment === "object" && file.raw.environment !== null) {
    extra.environment = file.raw.environment;
  }
  return extra;
}

// src/results/read/sweep-files.ts
function sweepFiles(file) {
  const sweep = file.raw.sweep;
  if (typeof sweep !== "object" || sweep === null) return void 0;
  const { groups, baseline, comparisons } = sweep;
  if (!isNames(groups) || new Set(groups).size !== groups.length) return void 0;
  if (typeof baseline !== "string" || !groups.includes(baseline)) return void 0;
  if (!Array.isArray(comparisons) || comparisons.length > groups.length * 5) return void 0;
  const parts = [];
  for (const entry of comparisons) {
    if (typeof entry !== "object" || entry === null) return void 0;
    const { candidate, phase, comparison } = entry;
    if (typeof candidate !== "string" || candidate === baseline || !groups.includes(candidate)) {
      return void 0;
    }
    if (phase !== void 0 && !(typeof phase === "string" && isPhase(phase))) return void 0;
    const results = file.results.filter((result) => result.parameters.phase === phase);
    if (results.length !== groups.length) return void 0;
    parts.push({
      path: file.path,
      benchmark: [benchmarkName(file), candidate, ...phase === void 0 ? [] : [phase]].join(
        " \xB7 "
      ),
      results: [results[groups.indexOf(baseline)], results[groups.indexOf(candidate)]],
      raw: { ...file.raw, comparison }
    });
  }
  return parts.length > 0 ? parts : void 0;
}
function isNames(value) {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

// src/results/read/phase-files.ts
function phaseFiles(file) {
  const sweep = sweepFiles(file);
  if (sweep !== void 0) return sweep;
  const { phases } = file.raw;
  if (typeof phases !== "object" || phases === null || Array.isArray(phases)) return [file];
  const names = Object.keys(phases).filter(isPhase);
  if (names.length < 2) return [file];
  return names.map((phase) => ({
    path: file.path,
    benchmark: `${benchmarkName(file)} \xB7 ${phase}`,
    results: file.results.filter((result) => result.parameters.phase === phase),
    raw: { ...file.raw, comparison: phases[phase] }
  }));
}

export {
  readResultsFile,
  resultName,
  benchmarkName,
  sweepFiles,
  phaseFiles,
  recordedDesign,
  selectSweep,
  analyseFiles,
  placedDesign,
  reanalyse,
  recordedContext
};
