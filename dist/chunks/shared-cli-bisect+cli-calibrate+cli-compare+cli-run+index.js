import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  analyse,
  familyRegressions,
  overallVerdict,
  planRun,
  regressionPath
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run+index.js";

// src/stats/phases.ts
function planPhases(options) {
  const { phases, familySize = 1, ...rest } = options;
  return planRun({ ...rest, familySize: phases * familySize });
}
function analysePhases(phases, options) {
  const { alpha, threshold, design } = options;
  const analyses = phases.map(({ baseline, candidate }) => analyse(baseline, candidate, options));
  const paths = analyses.map(({ comparison }, index) => {
    const { baseline, candidate } = phases[index];
    const pValues = regressionPath(baseline, candidate, comparison.looks, threshold, design);
    return { design, pValues };
  });
  return {
    analyses,
    pAdjusted: familyRegressions(paths, alpha).pAdjusted,
    verdict: overallVerdict(analyses.map(({ comparison }) => comparison.verdict))
  };
}

export {
  planPhases,
  analysePhases
};
