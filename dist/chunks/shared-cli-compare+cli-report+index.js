import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  InputError
} from "./shared-cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/results/read.ts
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
async function readResultsFile(path) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = error.code;
    throw new InputError(`${path}: cannot read the file (${code ?? String(error)})`);
  }
  return parseResults(text, path);
}
function parseResults(text, path) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path}: not valid JSON (${error.message})`);
  }
  if (!isObject(data) || !Array.isArray(data.results)) {
    throw new InputError(
      `${path}: no "results" array; expected hyperfine's --export-json format or a pulumi-perf-gate results file`
    );
  }
  const results = data.results.map(
    (result, index) => parseResult(result, `${path}: results[${index}]`)
  );
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
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function resultName(result) {
  return result.parameters.group ?? result.command;
}
function benchmarkName(file) {
  return file.benchmark ?? basename(file.path).replace(/\.json$/i, "");
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

export {
  readResultsFile,
  resultName,
  benchmarkName,
  selectResults
};
