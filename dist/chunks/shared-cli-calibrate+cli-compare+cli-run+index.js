import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);
import {
  groupResult,
  summarize
} from "./shared-cli-calibrate+cli-compare+cli-report+cli-run+index.js";

// src/results/sweep-build.ts
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
  candidateIndexes,
  sweepPairs,
  sweepResultsFile
};
