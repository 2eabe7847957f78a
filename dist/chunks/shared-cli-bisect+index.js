import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  ResultsWriteError,
  checkResultsPath,
  ensureToolCacheEnv,
  explainDownloadError,
  fetchText,
  parseVersionSpec,
  runLogDir,
  runPipeline,
  writeResults
} from "./shared-cli-bisect+cli-calibrate+cli-run+index.js";
import {
  PLAIN_STYLE,
  REPORT_LIMIT,
  VERDICT_EMOJI,
  VERDICT_LABEL,
  alignColumns,
  capBody,
  checkStackPrefix,
  details,
  failedAnswer,
  failsCheck,
  formatChange,
  formatLevel,
  formatPercent,
  inputValue,
  joinBlocks,
  jsonText,
  parseRunConfig,
  phaseView,
  relativeChange,
  renderMarkdown,
  renderText,
  runLink,
  stepVerdict
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run+index.js";
import {
  ReleaseIndexError,
  StacksKept,
  parseReleaseIndex,
  stableVersion,
  versionsBetween
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run+index+post.js";
import {
  BenchmarkError,
  DEFAULT_DOWNLOAD_URL,
  InputError,
  clip,
  describeError,
  escapeMarkdown,
  plainText,
  releaseFileUrl,
  safeUrl
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-main+cli-report+cli-run+index+post.js";

// src/config/bisect-config.ts
var MAX_LISTED = 1e3;
function parseBisectConfig(raw, env) {
  for (const input of [
    "baseline-version" /* BaselineVersion */,
    "candidate-version" /* CandidateVersion */,
    "baseline-command" /* BaselineCommand */,
    "candidate-command" /* CandidateCommand */
  ]) {
    if (inputValue(raw, input) !== void 0) {
      throw new InputError(
        `${input} does not apply to bisect: every step compares ${"good" /* Good */} (its baseline) with a version between ${"good" /* Good */} and ${"bad" /* Bad */}; leave ${input} out`
      );
    }
  }
  const list = parseList(raw);
  const [first, last] = list.kind === "releases" ? [list.good, list.bad] : [list.versions[0], list.versions.at(-1)];
  const run = parseRunConfig(
    { ...raw, ["baseline-version" /* BaselineVersion */]: first, ["candidate-version" /* CandidateVersion */]: last },
    env
  );
  if (run.target.kind === "pulumi") {
    checkStackPrefix(`${run.target.stackPrefix}-s99`, "stack-prefix" /* StackPrefix */);
  }
  return { run, list };
}
function parseList(raw) {
  const given = inputValue(raw, "versions" /* Versions */);
  const good = inputValue(raw, "good" /* Good */);
  const bad = inputValue(raw, "bad" /* Bad */);
  if (given !== void 0) {
    if (good !== void 0 || bad !== void 0) {
      throw new InputError(
        `${"versions" /* Versions */} names good (first) and bad (last) itself; leave ${"good" /* Good */} and ${"bad" /* Bad */} out`
      );
    }
    const versions = given.split(/[,\n]/).map((entry) => entry.trim()).filter(Boolean);
    if (versions.length < 2 || versions.length > MAX_LISTED) {
      throw new InputError(
        `${"versions" /* Versions */}: give from 2 to ${MAX_LISTED} versions or paths to pulumi, oldest (good) first, separated by commas or lines`
      );
    }
    for (const version of versions)
      parseVersionSpec(version, "versions" /* Versions */, { allowInstalled: false });
    if (new Set(versions).size < versions.length) {
      throw new InputError(`${"versions" /* Versions */}: a version or path is listed twice; list each once`);
    }
    return { kind: "list", versions };
  }
  if (good === void 0 || bad === void 0) {
    throw new InputError(
      `bisect needs ${"good" /* Good */} and ${"bad" /* Bad */} (two Pulumi releases, e.g. 3.181.0 and 3.226.0), or ${"versions" /* Versions */} (a list, good first)`
    );
  }
  return {
    kind: "releases",
    good: releaseVersion("good" /* Good */, good),
    bad: releaseVersion("bad" /* Bad */, bad)
  };
}
function releaseVersion(input, value) {
  const version = stableVersion(value);
  if (version === null) {
    throw new InputError(
      `${input}: ${JSON.stringify(value)} is not a release; expected a version such as 3.181.0 (for CLIs you built, list their paths in ${"versions" /* Versions */})`
    );
  }
  return version;
}

// src/run/bisect/bisect.ts
import { existsSync, readdirSync } from "node:fs";
import { mkdir as mkdir2 } from "node:fs/promises";
import { dirname, join } from "node:path";

// src/pulumi/install/release-index.ts
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
var PULUMI_TAGS_URL = "https://api.github.com/repos/pulumi/pulumi/git/matching-refs/tags/v";
function releaseIndexUrl(downloadUrl) {
  const isDefault = downloadUrl.replace(/\/+$/, "") === DEFAULT_DOWNLOAD_URL;
  return isDefault ? { url: PULUMI_TAGS_URL, format: "github-tags" } : { url: releaseFileUrl(downloadUrl, "versions"), format: "lines" };
}
async function releasesBetween(request) {
  const { url, format } = releaseIndexUrl(request.downloadUrl);
  const cacheFile = cachePath(url);
  const cached = await readCached(cacheFile);
  const holdsBoth = (list) => list.includes(request.good) && list.includes(request.bad);
  if (cached !== null && holdsBoth(cached)) {
    request.log?.(`Pulumi releases: the cached list of ${url}`);
    return versionsBetween(cached, request.good, request.bad, url);
  }
  request.log?.(`Pulumi releases: reading ${url}`);
  const text = await fetchText(url, request.retry).catch((error) => {
    throw explainDownloadError(error, `could not read the list of Pulumi releases`);
  });
  let released;
  try {
    released = parseReleaseIndex(text, format);
  } catch (error) {
    if (!(error instanceof ReleaseIndexError)) throw error;
    throw new BenchmarkError(`${url} is no list of Pulumi releases: ${error.message}`);
  }
  await writeCached(cacheFile, released);
  return versionsBetween(released, request.good, request.bad, url);
}
function cachePath(url) {
  ensureToolCacheEnv();
  const key = createHash("sha256").update(url).digest("hex").slice(0, 16);
  return path.join(process.env["RUNNER_TOOL_CACHE"], "pulumi-releases", `${key}.txt`);
}
async function readCached(file) {
  const text = await readFile(file, "utf8").catch(() => null);
  return text === null ? null : parseReleaseIndex(text, "lines");
}
async function writeCached(file, versions) {
  const temp = `${file}.${randomUUID()}`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temp, `${versions.join("\n")}
`);
    await rename(temp, file);
  } catch {
    await rm(temp, { force: true });
  }
}

// src/run/bisect/bisect-search.ts
function plannedComparisons(count) {
  if (!Number.isInteger(count) || count < 2) {
    throw new RangeError(`a bisect needs at least two versions, got ${count}`);
  }
  return 1 + Math.ceil(Math.log2(count - 1));
}
function comparisonAlpha(alpha, count) {
  return alpha / plannedComparisons(count);
}
function initialRange(count) {
  plannedComparisons(count);
  return { fast: 0, slow: count - 1 };
}
function nextProbe(range) {
  return range.slow - range.fast > 1 ? Math.floor((range.fast + range.slow) / 2) : null;
}
function narrow(range, probe, verdict) {
  if (!(probe > range.fast && probe < range.slow)) {
    throw new RangeError(`probe ${probe} lies outside (${range.fast}, ${range.slow})`);
  }
  switch (verdict) {
    case "regression":
      return { fast: range.fast, slow: probe };
    case "unchanged":
    case "improvement":
      return { fast: probe, slow: range.slow };
    case "inconclusive":
      return { kind: "unsplit", ...range, at: probe };
  }
}

// src/run/bisect/bisect-more.ts
function moreChangesSuspected(steps, end) {
  if (end.kind === "not-confirmed") return false;
  const confirm = steps.find((step) => step.role === "confirm");
  const found = steps.find((step) => step.role === "probe" && step.index === end.slow);
  if (confirm === void 0 || found === void 0) return false;
  return Object.entries(phaseComparisons(confirm.results)).some(([phase, whole]) => {
    const part = phaseComparisons(found.results)[phase];
    if (whole.verdict !== "regression" || part === void 0) return false;
    const [high, low] = [part.ratio.ciHigh, whole.ratio.ciLow];
    return high !== null && low !== null && high < low;
  });
}
function phaseComparisons(results) {
  return results.phases ?? { up: results.comparison };
}

// src/run/bisect/bisect.ts
async function runBisect(config, hooks) {
  let results;
  try {
    const { run } = config;
    if (run.ownResultsFolder) {
      await mkdir2(dirname(dirname(run.resultsFile)), { recursive: true });
      await mkdir2(dirname(run.resultsFile), { mode: 448 });
    }
    await checkResultsPath(run.resultsFile);
    const versions = await bisectVersions(config, hooks);
    const alpha = comparisonAlpha(run.decision.alpha, versions.length);
    hooks.info(
      `Bisecting ${versions.length} versions from ${versions[0]} (good) to ${versions.at(-1)} (bad): at most ${plannedComparisons(versions.length)} comparisons, each at alpha ${formatAlpha(alpha)}`
    );
    results = {
      bisect: {
        benchmark: run.name,
        source: config.list.kind === "releases" ? "releases" : "list",
        versions,
        phases: run.phases,
        alpha: run.decision.alpha,
        threshold: run.decision.threshold,
        comparisons: plannedComparisons(versions.length),
        comparisonAlpha: alpha
      },
      steps: []
    };
    return await search(config, versions, results, hooks);
  } catch (error) {
    if (results) {
      results.bisect.error = describeError(error);
      await writeResults(config.run.resultsFile, results, hooks.redact).catch(() => void 0);
    }
    return { finished: false, error, results };
  }
}
async function bisectVersions(config, hooks) {
  if (config.list.kind === "list") return config.list.versions;
  const target = config.run.target;
  return releasesBetween({
    good: config.list.good,
    bad: config.list.bad,
    downloadUrl: target.kind === "pulumi" ? target.downloadUrl : "",
    log: hooks.info
  });
}
async function search(config, versions, results, hooks) {
  const write = () => writeResults(config.run.resultsFile, results, hooks.redact).then(
    () => void 0,
    (problem) => {
      if (problem instanceof ResultsWriteError) return problem;
      throw problem;
    }
  );
  const kept = [];
  const measure = async (index, role) => {
    const step = results.steps.length + 1;
    const version = versions[index];
    hooks.info(`Step ${step}: ${version} against ${versions[0]} (good)`);
    const stepRun = stepConfig(config.run, version, step, results.bisect.comparisonAlpha);
    await mkdir2(dirname(stepRun.resultsFile), { recursive: true });
    const outcome = await runPipeline(stepRun, hooks);
    if (!outcome.finished) return outcome;
    kept.push(...outcome.kept);
    const verdict = stepVerdict(outcome.results);
    results.steps.push({
      index,
      version,
      role,
      verdict,
      resultsFile: stepRun.resultsFile,
      results: outcome.results
    });
    hooks.info(`Step ${step}: ${version} is ${verdict} against ${versions[0]}`);
    await write();
    if (outcome.kept.length > 0 || hooks.signal?.aborted) {
      return { finished: false, error: stoppedAfterStep(outcome.kept, hooks.signal) };
    }
    return verdict;
  };
  const confirmed = await measure(versions.length - 1, "confirm");
  if (typeof confirmed !== "string") return stopped(confirmed, results, write);
  let end;
  if (confirmed !== "regression") {
    end = { kind: "not-confirmed", verdict: confirmed };
  } else {
    let range = initialRange(versions.length);
    end = { kind: "located", ...range };
    for (let probe = nextProbe(range); probe !== null; probe = nextProbe(range)) {
      const verdict = await measure(probe, "probe");
      if (typeof verdict !== "string") return stopped(verdict, results, write);
      const next = narrow(range, probe, verdict);
      if ("kind" in next) {
        end = next;
        break;
      }
      range = next;
      end = { kind: "located", ...range };
    }
  }
  results.bisect.end = end;
  results.bisect.moreSuspected = moreChangesSuspected(results.steps, end);
  const unwritten = await write();
  return { finished: true, results, unwritten, kept };
}
async function stopped(outcome, results, write) {
  results.bisect.error = describeError(outcome.error);
  await write();
  return { finished: false, error: outcome.error, results, partial: outcome.partial };
}
function stoppedAfterStep(kept, signal) {
  if (kept.length > 0) return new StacksKept(kept.join("\n"));
  return new BisectInterrupted(
    `interrupted (${String(signal?.reason?.message ?? "cancelled")}); the steps so far are in the results`
  );
}
function stepConfig(template, version, step, alpha) {
  const { target } = template;
  if (target.kind !== "pulumi") throw new Error("bisect compares Pulumi versions");
  return {
    ...template,
    target: {
      ...target,
      candidateVersion: version,
      stackPrefix: `${target.stackPrefix}-s${step}`
    },
    decision: { ...template.decision, alpha },
    resultsFile: join(stepFolder(template.resultsFile, step), "results.json"),
    ownResultsFolder: false
  };
}
function stepFolder(resultsFile, step) {
  return join(dirname(resultsFile), `step-${step}`);
}
function latestStepLogDir(resultsFile) {
  const entries = existsSync(dirname(resultsFile)) ? readdirSync(dirname(resultsFile), { withFileTypes: true }) : [];
  const steps = entries.flatMap((entry) => {
    const match = entry.isDirectory() ? /^step-(\d+)$/.exec(entry.name) : null;
    return match ? [Number(match[1])] : [];
  });
  return runLogDir(join(stepFolder(resultsFile, Math.max(1, ...steps)), "results.json"));
}
function formatAlpha(alpha) {
  return String(Number(alpha.toPrecision(3)));
}
var BisectInterrupted = class extends BenchmarkError {
  name = "BisectInterrupted";
};

// src/report/bisect-model.ts
var MAX_NAME = 200;
var PULUMI_REPOSITORY = "https://github.com/pulumi/pulumi";
function bisectVerdict(results) {
  return results.steps.find((step) => step.role === "confirm")?.verdict ?? "inconclusive";
}
function bisectFails(results, failOn) {
  return failsCheck(bisectVerdict(results), failOn);
}
function stepAt(results, index) {
  return results.steps.find((step) => step.index === index);
}
function regressedPhases(step, style) {
  return comparisons(step.results).filter(({ results }) => results.comparison.verdict === "regression").map(({ phase, results }) => `${style.name(phase)} ${formatChange(relativeChange(results))}`);
}
function comparisons(results) {
  const phases = Object.keys(results.phases ?? {});
  if (phases.length === 0) return [{ phase: "up", results }];
  return phases.map((phase) => ({ phase, results: phaseView(results, phase) }));
}
function bisectReport(results, style) {
  const { bisect } = results;
  const name = (index) => style.name(clip(bisect.versions[index] ?? "?", MAX_NAME));
  const benchmark = style.name(clip(bisect.benchmark, MAX_NAME));
  const good = name(0);
  const bad = name(bisect.versions.length - 1);
  const verdict = bisectVerdict(results);
  const family = `${bisect.comparisons} comparison${bisect.comparisons === 1 ? "" : "s"} planned, each at ${style.alpha} = ${formatLevel(bisect.comparisonAlpha)} (${style.alpha} = ${formatLevel(bisect.alpha)} split over them), threshold ${formatPercent(bisect.threshold)}`;
  const lines = [
    `Bisected ${bisect.versions.length} versions from ${good} (good) to ${bad} (bad), timing ${bisect.phases.join(", ")}: ${family}.`
  ];
  const end = bisect.end;
  if (end === void 0) {
    const done = results.steps.length;
    return {
      verdict,
      headline: `${benchmark}: the bisect stopped after ${done} step${done === 1 ? "" : "s"}: ${clip(bisect.error ?? "unknown error", 500)}`,
      lines,
      links: []
    };
  }
  if (end.kind === "not-confirmed") {
    const confirm = results.steps.find((step) => step.role === "confirm");
    const change2 = confirm ? formatChange(relativeChange(confirm.results)) : "";
    const what = end.verdict === "inconclusive" ? `could not tell whether ${bad} is slower than ${good} (inconclusive, ${change2}); nothing was bisected` : `${bad} is not slower than ${good} (${VERDICT_LABEL[end.verdict].toLowerCase()}, ${change2}): no regression between them`;
    return { verdict, headline: `${benchmark}: ${what}`, lines, links: [] };
  }
  const slowStep = stepAt(results, end.slow);
  const change = slowStep ? regressedPhases(slowStep, style).join("; ") : "";
  if (end.kind === "located") {
    lines.push(
      `Last fast: ${name(end.fast)}. First slow: ${name(end.slow)}, against ${good}: ${change}.`
    );
  } else {
    const at = stepAt(results, end.at);
    lines.push(
      `${name(end.at)} stayed inconclusive against ${good} at ${at?.results.comparison.samples ?? "?"} samples per group (the cap), so the range from ${name(end.fast)} (fast) to ${name(end.slow)} (slow) could not be split further; ${name(end.slow)} against ${good}: ${change}.`
    );
  }
  if (bisect.moreSuspected) {
    lines.push(
      `The range may hold more than one slowdown: the change at ${name(end.slow)} is clearly smaller than ${bad}'s against ${good}. Bisect again from ${name(end.slow)} (good) to ${bad} (bad) to find the next.`
    );
  } else if (end.kind === "located") {
    lines.push(
      "A bisect finds one release at which the time crossed the threshold; the range may hold smaller changes besides it."
    );
  }
  const headline = end.kind === "located" ? `${benchmark}: ${name(end.slow)} made it slower (last fast: ${name(end.fast)})` : `${benchmark}: slower from somewhere after ${name(end.fast)} up to ${name(end.slow)} (range not split)`;
  return { verdict, headline, lines, links: releaseLinks(bisect, end.fast, end.slow) };
}
function releaseLinks(bisect, fast, slow) {
  if (bisect.source !== "releases") return [];
  const [from, to] = [bisect.versions[fast], bisect.versions[slow]].map(
    (version) => stableVersion(version ?? "")
  );
  if (!from || !to) return [];
  return [
    { text: `Release notes of v${to}`, url: `${PULUMI_REPOSITORY}/releases/tag/v${to}` },
    { text: `Changes v${from}...v${to}`, url: `${PULUMI_REPOSITORY}/compare/v${from}...v${to}` }
  ];
}
function stepRows(results) {
  return results.steps.flatMap(
    (step, k) => comparisons(step.results).map(({ phase, results: phaseResults }) => [
      String(k + 1),
      clip(step.version, MAX_NAME),
      step.role === "confirm" ? "bad, confirm" : "probe",
      phase,
      VERDICT_LABEL[phaseResults.comparison.verdict],
      formatChange(relativeChange(phaseResults)),
      String(phaseResults.comparison.samples)
    ])
  );
}
var STEP_HEADER = [
  "Step",
  "Version",
  "Role",
  "Phase",
  "Verdict vs good",
  "Change (CI)",
  "Samples"
];

// src/export/markdown/bisect-markdown.ts
var STYLE = { name: (text) => escapeMarkdown(text), alpha: "\u03B1" };
function renderBisectMarkdown(results, options = {}) {
  const report = bisectReport(results, STYLE);
  const links = report.links.flatMap((link) => {
    const url = safeUrl(link.url);
    return url === void 0 ? [] : [`[${escapeMarkdown(link.text)}](${url})`];
  });
  const rows = stepRows(results).map((cells) => {
    const escaped = cells.map((cell) => escapeMarkdown(cell));
    return `| ${escaped.join(" | ")} |`;
  });
  const table = [
    `| ${STEP_HEADER.join(" | ")} |`,
    "| ---: | --- | --- | --- | --- | ---: | ---: |",
    ...rows
  ].join("\n");
  const head = joinBlocks([
    `## ${VERDICT_EMOJI[report.verdict]} ${report.headline}`,
    report.lines.join("\n\n"),
    links.join(" \xB7 "),
    table
  ]);
  const footer = runLink(options.runUrl);
  const folded = [];
  let length = head.length + footer.length;
  for (const [k, step] of results.steps.entries()) {
    const body = details(
      `Step ${k + 1}: ${escapeMarkdown(clip(step.version, 200))}`,
      renderMarkdown(step.results)
    );
    if (length + body.length + 2 > REPORT_LIMIT) {
      folded.push(
        `_Steps ${k + 1} to ${results.steps.length}: their reports are in the results files._`
      );
      break;
    }
    folded.push(body);
    length += body.length + 2;
  }
  return capBody(joinBlocks([head, ...folded, footer]));
}

// src/export/text/bisect-text.ts
function renderBisectText(results) {
  const report = bisectReport(results, PLAIN_STYLE);
  const table = alignColumns(
    STEP_HEADER,
    stepRows(results).map((cells) => cells.map(plainText)),
    5
  );
  const steps = results.steps.map(
    (step, k) => `Step ${k + 1}: ${plainText(step.version)}
${renderText(step.results)}`
  );
  return [
    report.headline,
    ...report.lines,
    ...report.links.map((link) => `${link.text}: ${link.url}`),
    "",
    ...table,
    "",
    ...steps
  ].join("\n");
}

// src/run/bisect/bisect-answer.ts
function bisectAnswer(config, outcome, runUrl) {
  if (!outcome.finished) {
    const { error: error2, results: results2, partial } = outcome;
    if (results2 === void 0) {
      return failedAnswer({ benchmark: config.run.name, error: error2, partial }, { runUrl });
    }
    const failure = error2 instanceof Error ? error2 : new BenchmarkError(String(error2));
    return { ...answerOf(results2, true, runUrl), verdict: "failed", error: failure };
  }
  const { results, unwritten, kept } = outcome;
  const error = kept.length > 0 ? new StacksKept(kept.join("\n")) : unwritten;
  return {
    ...answerOf(results, bisectFails(results, config.run.decision.failOn), runUrl),
    ...error === void 0 ? {} : { error }
  };
}
function answerOf(results, fails, runUrl) {
  const { end, versions } = results.bisect;
  const located = end !== void 0 && end.kind !== "not-confirmed";
  return {
    verdict: bisectVerdict(results),
    headline: bisectReport(results, PLAIN_STYLE).headline,
    fails,
    render: (format) => {
      if (format === "json") return jsonText(results);
      if (format === "markdown") return `${renderBisectMarkdown(results, { runUrl })}
`;
      return `${renderBisectText(results)}
`;
    },
    // `verdict` is bad's against good; `last-fast` and `first-slow` name what was located.
    outputs: {
      ["verdict" /* Verdict */]: bisectVerdict(results),
      ["last-fast" /* LastFast */]: located ? versions[end.fast] ?? "" : "",
      ["first-slow" /* FirstSlow */]: located ? versions[end.slow] ?? "" : ""
    }
  };
}

export {
  parseBisectConfig,
  runBisect,
  latestStepLogDir,
  bisectAnswer
};
