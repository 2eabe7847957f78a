#!/usr/bin/env python3
"""Reference figures from scipy for the statistics tests (fixtures/scipy-reference.json).

Random Welch cases (n 2..60 per group; normal, lognormal, very unequal variances,
huge t) with scipy.stats.ttest_ind(equal_var=False), the margin tests of SPEC §6 as
ttest_ind(candidate, baseline*(1±δ), alternative=...), and the Welch confidence
interval; plus O'Brien–Fleming-type (Lan–DeMets) nominal levels computed with
scipy's multivariate normal CDF, independently of our grid integration.

Run: python3 scripts/scipy-reference.py > fixtures/scipy-reference.json
"""
import json
import sys

import numpy as np
from scipy import optimize, stats

rng = np.random.default_rng(20231028)


def sample(kind, n, centre, spread):
    if kind == "normal":
        return rng.normal(centre, spread, n)
    if kind == "lognormal":
        return centre * rng.lognormal(0.0, spread / centre, n)
    if kind == "unequal":
        return rng.normal(centre, spread * rng.choice([0.001, 1000.0]), n)
    raise ValueError(kind)


def welch_case(index):
    kind = ["normal", "lognormal", "unequal", "huge-t"][index % 4]
    nb, nc = (int(x) for x in rng.integers(2, 61, 2))
    centre = float(rng.uniform(0.05, 300.0))
    spread = centre * float(rng.uniform(0.001, 0.3))
    if kind == "huge-t":
        baseline = rng.normal(centre, centre * 1e-4, nb)
        candidate = rng.normal(centre * rng.choice([0.3, 3.0]), centre * 1e-4, nc)
    else:
        baseline = sample(kind, nb, centre, spread)
        shift = float(rng.choice([1.0, 1.0, 1.03, 0.97, 1.2, 0.8]))
        candidate = sample(kind if kind != "unequal" else "normal", nc, centre * shift, spread)
    baseline = np.abs(baseline) + 1e-3
    candidate = np.abs(candidate) + 1e-3
    threshold = float(rng.choice([0.0, 0.01, 0.05, 0.1]))
    alpha = float(rng.choice([0.01, 0.05, 0.1]))

    plain = stats.ttest_ind(candidate, baseline, equal_var=False)
    up = 1 + threshold
    down = 1 - threshold
    regression = stats.ttest_ind(candidate, baseline * up, equal_var=False, alternative="greater")
    improvement = stats.ttest_ind(candidate, baseline * down, equal_var=False, alternative="less")
    below_upper = stats.ttest_ind(candidate, baseline * up, equal_var=False, alternative="less")
    above_lower = stats.ttest_ind(candidate, baseline * down, equal_var=False, alternative="greater")
    interval = plain.confidence_interval(confidence_level=1 - alpha)
    return {
        "kind": kind,
        "baseline": baseline.tolist(),
        "candidate": candidate.tolist(),
        "threshold": threshold,
        "alpha": alpha,
        "t": float(plain.statistic),
        "df": float(plain.df),
        "pTwoSided": float(plain.pvalue),
        "regression": {"t": float(regression.statistic), "df": float(regression.df),
                       "p": float(regression.pvalue)},
        "improvement": {"t": float(improvement.statistic), "df": float(improvement.df),
                        "p": float(improvement.pvalue)},
        "pUnchanged": float(max(below_upper.pvalue, above_lower.pvalue)) if threshold > 0 else 1.0,
        "ciLow": float(interval.low),
        "ciHigh": float(interval.high),
    }


def spent(alpha, t):
    return 2 * stats.norm.sf(stats.norm.isf(alpha / 2) / np.sqrt(t))


def obf_levels(alpha, looks):
    """Boundaries c_k with P(no crossing before k, Z_k >= c_k) = spent(t_k) - spent(t_k-1)."""
    fractions = [(k + 1) / looks for k in range(looks)]
    bounds = []
    for k, t in enumerate(fractions):
        target = spent(alpha, t) - (spent(alpha, fractions[k - 1]) if k else 0.0)
        if k == 0:
            bounds.append(float(stats.norm.isf(target)))
            continue
        ts = np.array(fractions[: k + 1])
        cov = np.sqrt(np.minimum.outer(ts, ts) / np.maximum.outer(ts, ts))
        precise = {"abseps": 1e-12, "releps": 1e-10, "maxpts": 4_000_000}
        before = stats.multivariate_normal(np.zeros(k), cov[:k, :k], **precise)
        joint = stats.multivariate_normal(np.zeros(k + 1), cov, **precise)
        stay = before.cdf(np.array(bounds))

        def crossing(c):
            upper = np.array(bounds + [c])
            return stay - joint.cdf(upper) - target

        bounds.append(float(optimize.brentq(crossing, 0.5, 10.0, xtol=1e-10)))
    return [float(stats.norm.sf(c)) for c in bounds]


def main():
    cases = [welch_case(i) for i in range(600)]
    spending = [
        {"alpha": alpha, "looks": looks, "levels": obf_levels(alpha, looks)}
        for alpha in (0.05, 0.01)
        for looks in (2, 3, 4, 5)
    ]
    json.dump({"generator": "scripts/scipy-reference.py", "scipy": __import__("scipy").__version__,
               "welch": cases, "spending": spending}, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
