import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);

// src/pulumi/releases.ts
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
  Input2["FailOn"] = "fail-on";
  Input2["Comment"] = "comment";
  Input2["CommentKey"] = "comment-key";
  Input2["GithubToken"] = "github-token";
  Input2["PullRequest"] = "pull-request";
  Input2["Results"] = "results";
  Input2["ResultsFile"] = "results-file";
  return Input2;
})(Input || {});
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
  ["fail-on" /* FailOn */]: "regression",
  ["comment" /* Comment */]: "always",
  ["github-token" /* GithubToken */]: "${{ github.token }}"
};

// src/core/errors.ts
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

export {
  DEFAULT_DOWNLOAD_URL,
  archiveFileName,
  checksumsFileName,
  releaseFileUrl,
  latestVersionUrl,
  Input,
  INPUT_DEFAULTS,
  InputError,
  BenchmarkError,
  describeError
};
