import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);

// src/stats/verdict.ts
function decide(p, levels, lastLook) {
  if (p.pRegression < levels.regression) return "regression";
  if (p.pImprovement < levels.regression) return "improvement";
  if (p.pUnchanged < levels.equivalence) return "unchanged";
  return lastLook ? "inconclusive" : null;
}
function sidedLevels(levels, threshold) {
  return threshold === 0 ? { ...levels, regression: levels.regression / 2 } : levels;
}
var SEVERITY = ["regression", "inconclusive", "improvement", "unchanged"];
function overallVerdict(verdicts) {
  return SEVERITY.find((verdict) => verdicts.includes(verdict)) ?? "unchanged";
}
function severity(verdict) {
  return SEVERITY.indexOf(verdict);
}
function failsCheck(verdict, failOn) {
  if (failOn === "never") return false;
  if (verdict === "regression") return true;
  return failOn === "regression-or-inconclusive" && verdict === "inconclusive";
}

export {
  decide,
  sidedLevels,
  overallVerdict,
  severity,
  failsCheck
};
