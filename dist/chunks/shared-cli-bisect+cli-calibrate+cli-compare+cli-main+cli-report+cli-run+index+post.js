import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);

// src/pulumi/install/releases.ts
var DEFAULT_DOWNLOAD_URL = "https://get.pulumi.com/releases/sdk";
var DEFAULT_LATEST_VERSION_URL = "https://www.pulumi.com/latest-version";
function archiveFileName(version, target, extension) {
  return `pulumi-v${version}-${target.os}-${target.arch}.${extension}`;
}
function checksumsFileName(version) {
  return `pulumi-${version}-checksums.txt`;
}
function releaseFileUrl(downloadUrl, fileName) {
  return `${downloadUrl.replace(/\/+$/, "")}/${fileName}`;
}
function latestVersionUrl(downloadUrl) {
  const isDefault = downloadUrl.replace(/\/+$/, "") === DEFAULT_DOWNLOAD_URL;
  return isDefault ? DEFAULT_LATEST_VERSION_URL : releaseFileUrl(downloadUrl, "latest-version");
}

// src/config/inputs.ts
var Input = /* @__PURE__ */ ((Input2) => {
  Input2["Name"] = "name";
  Input2["Mode"] = "mode";
  Input2["Program"] = "program";
  Input2["BaselineProgram"] = "baseline-program";
  Input2["BaselineVersion"] = "baseline-version";
  Input2["CandidateVersion"] = "candidate-version";
  Input2["BaselineCommand"] = "baseline-command";
  Input2["CandidateCommand"] = "candidate-command";
  Input2["CandidateCommands"] = "candidate-commands";
  Input2["Good"] = "good";
  Input2["Bad"] = "bad";
  Input2["Versions"] = "versions";
  Input2["Prepare"] = "prepare";
  Input2["Cleanup"] = "cleanup";
  Input2["Shell"] = "shell";
  Input2["Parallel"] = "parallel";
  Input2["Config"] = "config";
  Input2["StackPrefix"] = "stack-prefix";
  Input2["BackendUrl"] = "backend-url";
  Input2["PulumiDownloadUrl"] = "pulumi-download-url";
  Input2["Samples"] = "samples";
  Input2["Looks"] = "looks";
  Input2["Warmup"] = "warmup";
  Input2["Timeout"] = "timeout";
  Input2["Alpha"] = "alpha";
  Input2["Threshold"] = "threshold";
  Input2["FamilySize"] = "family-size";
  Input2["Phases"] = "phases";
  Input2["Detrend"] = "detrend";
  Input2["Statistic"] = "statistic";
  Input2["FailOn"] = "fail-on";
  Input2["Comment"] = "comment";
  Input2["CommentKey"] = "comment-key";
  Input2["CommentLogs"] = "comment-logs";
  Input2["GithubToken"] = "github-token";
  Input2["PullRequest"] = "pull-request";
  Input2["Results"] = "results";
  Input2["ResultsFile"] = "results-file";
  return Input2;
})(Input || {});
var BISECT_INPUTS = ["good" /* Good */, "bad" /* Bad */, "versions" /* Versions */];
var INPUT_DEFAULTS = {
  ["mode" /* Mode */]: "run",
  ["shell" /* Shell */]: "bash",
  ["pulumi-download-url" /* PulumiDownloadUrl */]: DEFAULT_DOWNLOAD_URL,
  ["samples" /* Samples */]: "20",
  ["looks" /* Looks */]: "10",
  ["warmup" /* Warmup */]: "1",
  ["timeout" /* Timeout */]: "30",
  ["alpha" /* Alpha */]: "0.05",
  ["threshold" /* Threshold */]: "5%",
  ["family-size" /* FamilySize */]: "1",
  ["phases" /* Phases */]: "up",
  ["detrend" /* Detrend */]: "false",
  ["statistic" /* Statistic */]: "mean",
  ["fail-on" /* FailOn */]: "regression",
  ["comment" /* Comment */]: "always",
  ["comment-logs" /* CommentLogs */]: "false",
  // Expanded by the runner; a matrix leg's index and count tell the legs apart.
  ["comment-key" /* CommentKey */]: "${{ github.workflow }}/${{ github.job }}/${{ strategy.job-index }}/${{ strategy.job-total }}",
  ["github-token" /* GithubToken */]: "${{ github.token }}"
};

// src/core/errors/errors.ts
var InputError = class extends Error {
  name = "InputError";
};
var BenchmarkError = class extends Error {
  name = "BenchmarkError";
};
function describeError(error) {
  if (error instanceof InputError || error instanceof BenchmarkError) return error.message;
  if (error instanceof Error) return error.message.split("\n")[0] ?? String(error);
  return String(error);
}

// src/report/format/escape.ts
var REFERENCES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "\\": "&#92;",
  "`": "&#96;",
  "*": "&#42;",
  _: "&#95;",
  "[": "&#91;",
  "]": "&#93;",
  "|": "&#124;",
  "~": "&#126;",
  $: "&#36;",
  // A zero-width space after @ and # keeps GitHub from turning the text into a
  // mention (a notification) or an issue reference (a cross-link on that issue).
  "@": "@&#8203;",
  "#": "#&#8203;"
};
var SPECIAL = /[&<>"'\\`*_[\]|~$@#]/g;
var LINE_BREAK = /\r\n|\r|\n/g;
var INVISIBLE = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;
var FORMAT_MARK = new RegExp("(?![\\u202a-\\u202e\\u2066-\\u2069])\\p{Cf}", "gu");
function showFormatMarks(text) {
  return text.replace(
    FORMAT_MARK,
    (mark) => `<U+${mark.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}>`
  );
}
var ANSI_SEQUENCE = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
var AUTOLINK = /(?<=[a-z0-9])(?=:\/\/)|(?<=\bwww)(?=\.)/gi;
var LEADING_MARKER = /^(\s*)([-+]|\d{1,9}[.)])(?=\s|$)/;
function escapeMarkdown(text) {
  const escaped = showFormatMarks(text).replace(/\t/g, " ").replace(LINE_BREAK, "\n").replace(SPECIAL, (character) => REFERENCES[character] ?? character).replace(AUTOLINK, "&#8203;").replace(LEADING_MARKER, (_match, space, mark) => {
    const last = mark.slice(-1);
    return `${space}${mark.slice(0, -1)}&#${last.charCodeAt(0)};`;
  });
  return escaped.split("\n").map((line) => line.replace(INVISIBLE, "")).join("<br>");
}
function plainText(text) {
  return showFormatMarks(text.replace(LINE_BREAK, " ").replace(/\t/g, " ").replace(INVISIBLE, ""));
}
function clip(text, max) {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 3))}...`;
}
function safeUrl(url) {
  if (!/^https?:\/\//i.test(url)) return void 0;
  return url.replace(/[\s()<>"'`\\]/g, (character) => {
    const code = character.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0");
    return `%${code}`;
  });
}
function codeBlock(text, language = "text") {
  const clean = text.replace(LINE_BREAK, "\n").replace(/\t/g, "  ").split("\n").map((line) => line.replace(ANSI_SEQUENCE, "").replace(INVISIBLE, "")).join("\n");
  const longest = Math.max(0, ...[...clean.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${language}
${clean}
${fence}`;
}

// src/core/redact.ts
var REDACTED = "***";
function redactor(values, forms = []) {
  const plain = values.flatMap(
    (value) => value === void 0 ? [] : [value, ...value.split(/\r?\n/).map((line) => line.trim())]
  );
  const secrets = [...new Set(plain.flatMap((value) => [value, ...forms.map((form) => form(value))]))].filter((value) => value.trim() !== "").sort((a, b) => b.length - a.length);
  const redact = (text) => secrets.reduce((redacted, secret) => redacted.split(secret).join(REDACTED), text);
  return Object.assign(redact, { secrets });
}
var NO_SECRETS = redactor([]);
function redactStream(redact) {
  const longest = redact.secrets[0]?.length ?? 0;
  let held = "";
  return {
    push: (piece) => {
      const text = held + piece;
      const ready = Math.min(text.length, Math.max(0, text.length - (longest - 1)));
      const cut = cleanCut(text, ready, redact.secrets);
      held = text.slice(cut);
      return redact(text.slice(0, cut));
    },
    end: () => {
      const rest = held;
      held = "";
      return redact(rest);
    }
  };
}
function cleanCut(text, at, secrets) {
  let cut = at;
  for (let moved = true; moved; ) {
    moved = false;
    for (const secret of secrets) {
      const from = Math.max(0, cut - secret.length + 1);
      const found = text.slice(from, cut + secret.length - 1).indexOf(secret);
      if (found !== -1 && from + found < cut) {
        cut = from + found;
        moved = true;
      }
    }
  }
  return cut;
}
function knownSecrets(env, token, more = []) {
  const named = Object.entries(env).filter(([name]) => looksSecret(name)).map(([, value]) => value);
  const values = [
    token,
    env.PULUMI_ACCESS_TOKEN,
    env.PULUMI_CONFIG_PASSPHRASE,
    env.ACTIONS_RUNTIME_TOKEN,
    env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
    // Guessed at, so a flag or a count (`resources: 3`) would mask that word everywhere.
    ...[...named, ...more].filter((value) => value !== void 0 && !isTrivial(value))
  ].filter((value) => value !== void 0 && value.trim() !== "");
  return [...new Set(values)];
}
var SECRET_WORD = /^(?:SECRETS?|TOKENS?|PASSWORDS?|PASSWD|PASS|PWD|PASSPHRASE|CREDENTIALS?|CREDS|KEY|APIKEY|PRIVATEKEY|AUTH|COOKIE|SIGNATURE|SAS|DSN)$/;
function looksSecret(name) {
  if (name === "PWD" || name === "OLDPWD") return false;
  if (/^(?:INPUT|STATE)_/i.test(name)) return false;
  return name.toUpperCase().split(/[^A-Z0-9]+/).some((word) => SECRET_WORD.test(word));
}
function isTrivial(value) {
  const trimmed = value.trim();
  return trimmed.length < 4 || /^(?:true|false|yes|no|null|\d+)$/i.test(trimmed);
}
function secretSet(values, forms = []) {
  let all = [...values];
  let current = redactor(all, forms);
  const redact = Object.defineProperty((text) => current(text), "secrets", {
    get: () => current.secrets
  });
  return {
    redact,
    add: (more) => {
      all = [...all, ...more.filter((value) => !isTrivial(value))];
      current = redactor(all, forms);
    },
    get values() {
      return all;
    }
  };
}
function redactedJson(data, redact) {
  const strings = (_key, value) => typeof value === "string" ? redact(value) : value;
  return `${JSON.stringify(data, strings, 2)}
`;
}

export {
  DEFAULT_DOWNLOAD_URL,
  archiveFileName,
  checksumsFileName,
  releaseFileUrl,
  latestVersionUrl,
  Input,
  BISECT_INPUTS,
  INPUT_DEFAULTS,
  InputError,
  BenchmarkError,
  describeError,
  escapeMarkdown,
  plainText,
  clip,
  safeUrl,
  codeBlock,
  NO_SECRETS,
  redactStream,
  knownSecrets,
  secretSet,
  redactedJson
};
