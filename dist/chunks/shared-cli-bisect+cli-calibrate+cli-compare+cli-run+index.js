import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  analyse,
  familyRegressions,
  groupResult,
  overallVerdict,
  planRun,
  regressionPath,
  summarize
} from "./shared-cli-bisect+cli-calibrate+cli-compare+cli-report+cli-run+index.js";

// src/stats/phases.ts
function phasesRunPlan({ phases, familySize = 1, ...rest }) {
  return { ...rest, familySize: phases * familySize };
}
function planPhases(options) {
  const { cache, ...plan } = options;
  return planRun({ ...phasesRunPlan(plan), cache });
}
function analysePhases(phases, options) {
  const { design, ...policy } = options;
  return analyseFamily(
    phases.map((phase) => ({ ...phase, design })),
    policy
  );
}
function analyseFamily(members, options) {
  const { alpha, threshold } = options;
  const analyses = members.map(
    ({ baseline, candidate, design, names }) => analyse(baseline, candidate, { alpha, threshold, design, ...names ? { names } : {} })
  );
  const paths = analyses.map(({ comparison }, index) => {
    const { baseline, candidate, design } = members[index];
    const pValues = regressionPath(baseline, candidate, comparison.looks, threshold, design);
    return { design, pValues };
  });
  return {
    analyses,
    pAdjusted: familyRegressions(paths, alpha).pAdjusted,
    verdict: overallVerdict(analyses.map(({ comparison }) => comparison.verdict))
  };
}

// src/results/build/sweep-build.ts
function candidateIndexes(sweep) {
  return sweep.names.map((_, index) => index).filter((index) => index !== sweep.baseline);
}
function sweepPairs(sweep) {
  return candidateIndexes(sweep).flatMap(
    (candidate) => sweep.phases.map(({ phase, sources }) => ({
      phase,
      baseline: sources[sweep.baseline].times,
      candidate: sources[candidate].times,
      names: { baseline: sweep.names[sweep.baseline], candidate: sweep.names[candidate] }
    }))
  );
}
function sweepResultsFile(benchmark, sweep, family, extra = {}) {
  const { orderSeed, ...context } = extra;
  const phaseCount = sweep.phases.length;
  const comparisons = candidateIndexes(sweep).flatMap(
    (candidate, c) => sweep.phases.map(({ phase }, p) => {
      const index = c * phaseCount + p;
      return {
        candidate: sweep.names[candidate],
        ...phase === void 0 ? {} : { phase },
        comparison: family.analyses[index].comparison,
        pAdjusted: family.pAdjusted[index]
      };
    })
  );
  const first = comparisons.slice(0, phaseCount);
  const named = sweep.phases.every(({ phase }) => phase !== void 0);
  const byPhase = (value) => Object.fromEntries(first.map((entry) => [entry.phase, value(entry)]));
  const results = sweep.phases.flatMap(
    ({ phase, sources }) => sources.map((source, index) => {
      const name = source.parameters?.group ?? sweep.names[index];
      const parameters = { ...source.parameters, ...phase === void 0 ? {} : { phase } };
      return groupResult({ ...source, name, parameters }, summarize(source.times, name));
    })
  );
  return {
    benchmark,
    results,
    comparison: first[0].comparison,
    ...named ? {
      phases: byPhase((entry) => entry.comparison),
      family: {
        size: first[0].comparison.design.familySize,
        pAdjusted: byPhase((entry) => entry.pAdjusted),
        verdicts: byPhase((entry) => entry.comparison.verdict),
        verdict: family.verdict
      }
    } : {},
    sweep: {
      baseline: sweep.names[sweep.baseline],
      groups: [...sweep.names],
      size: first[0].comparison.design.familySize,
      comparisons,
      verdict: family.verdict,
      ...orderSeed === void 0 ? {} : { orderSeed }
    },
    ...context
  };
}

export {
  phasesRunPlan,
  planPhases,
  analysePhases,
  analyseFamily,
  candidateIndexes,
  sweepPairs,
  sweepResultsFile
};
