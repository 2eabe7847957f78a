#!/usr/bin/env python3
"""Reference figures from scipy for the statistics tests (fixtures/scipy-reference.json).

Random Welch cases (n 2..60 per group; normal, lognormal, very unequal variances,
huge t) with scipy.stats.ttest_ind(equal_var=False), the margin tests of docs/how-it-decides.md as
ttest_ind(candidate, baseline*(1±δ), alternative=...), and the Welch confidence
interval; Hwang–Shih–DeCani nominal levels and stage-wise-ordering p-values computed
with scipy's multivariate normal CDF, independently of our grid integration; and
Fieller intervals of the ratio of means with Welch df at every ratio, by a direct
root solve (brentq) of the one-sided t-test p-values; and Yuen's test of 20%-trimmed
means, scipy.stats.ttest_ind(equal_var=False, trim=0.2), plain and against the margins
(its cases draw from their own generator, so adding them changed no other figure); and
every candidate of the six-way and scaling experiments against their first result, as
`compare` sweeps them (no random draws, so adding them changed no other figure).

Run: python3 scripts/scipy-reference.py > fixtures/scipy-reference.json (about 10 minutes,
most of it the fine-grid integration of the 9-look designs).
"""
import json
import sys

import numpy as np
from scipy import integrate, optimize, stats

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
        "pUnchanged": float(max(below_upper.pvalue, above_lower.pvalue)),
        "ciLow": float(interval.low),
        "ciHigh": float(interval.high),
    }


def hsd(alpha, gamma, t):
    return alpha * (1 - np.exp(-gamma * t)) / (1 - np.exp(-gamma)) if t < 1 else alpha


PRECISE = {"abseps": 1e-12, "releps": 1e-10, "maxpts": 4_000_000}


def covariance(fractions):
    ts = np.array(fractions)
    return np.sqrt(np.minimum.outer(ts, ts) / np.maximum.outer(ts, ts))


def hsd_bounds(alpha, gamma, fractions):
    """Boundaries c_k with P(no crossing before k, Z_k >= c_k) = spent(t_k) - spent(t_k-1)."""
    spent = lambda t: hsd(alpha, gamma, t)
    bounds = []
    for k, t in enumerate(fractions):
        target = spent(t) - (spent(fractions[k - 1]) if k else 0.0)
        if k == 0:
            bounds.append(float(stats.norm.isf(target)))
            continue
        cov = covariance(fractions[: k + 1])
        before = stats.multivariate_normal(np.zeros(k), cov[:k, :k], **PRECISE)
        joint = stats.multivariate_normal(np.zeros(k + 1), cov, **PRECISE)
        stay = before.cdf(np.array(bounds))

        def crossing(c):
            upper = np.array(bounds + [c])
            return stay - joint.cdf(upper) - target

        bounds.append(float(optimize.brentq(crossing, 0.0, 12.0, xtol=1e-10)))
    return bounds


def hsd_bounds_grid(alpha, gamma, fractions, points=3001):
    """The same boundaries by recursive integration (Simpson's rule from scipy on a fine
    grid that ends at each boundary), for many looks, where the multivariate normal CDF
    is too slow; each boundary by scipy's brentq."""
    spent = lambda t: hsd(alpha, gamma, t)
    nodes = density = None
    bounds = []
    for k, t in enumerate(fractions):
        target = spent(t) - (spent(fractions[k - 1]) if k else 0.0)
        if k == 0:
            c = float(stats.norm.isf(target))
            nodes = np.linspace(-12.0, c, points)
            density = stats.norm.pdf(nodes)
        else:
            then, now = np.sqrt(fractions[k - 1]), np.sqrt(t)
            spread = np.sqrt(t - fractions[k - 1])
            cross = lambda c: integrate.simpson(
                density * stats.norm.sf((c * now - nodes * then) / spread), x=nodes) - target
            c = float(optimize.brentq(cross, -5.0, 15.0, xtol=1e-12))
            grid = np.linspace(-12.0, min(c, 12.0), points)
            moved = stats.norm.pdf((grid[:, None] * now - nodes[None, :] * then) / spread) * (now / spread)
            density = integrate.simpson(moved * density[None, :], x=nodes, axis=1)
            nodes = grid
        bounds.append(c)
    return bounds


def stage_wise(alpha, gamma, fractions, k, p):
    """P(no crossing before look k, Z_k >= z) + spent(t_k-1), z = isf(p): the stage-wise p."""
    bounds = hsd_bounds(alpha, gamma, fractions[:k])
    z = float(stats.norm.isf(p))
    if k == 0:
        return p
    cov = covariance(fractions[: k + 1])
    before = stats.multivariate_normal(np.zeros(k), cov[:k, :k], **PRECISE).cdf(np.array(bounds))
    joint = stats.multivariate_normal(np.zeros(k + 1), cov, **PRECISE).cdf(np.array(bounds + [z]))
    return hsd(alpha, gamma, fractions[k - 1]) + before - joint


def welch_at(baseline, candidate, ratio):
    a = candidate.var(ddof=1) / len(candidate)
    b = ratio**2 * baseline.var(ddof=1) / len(baseline)
    t = (candidate.mean() - ratio * baseline.mean()) / np.sqrt(a + b)
    df = (a + b) ** 2 / (a**2 / (len(candidate) - 1) + b**2 / (len(baseline) - 1))
    return t, df


def fieller_case(index):
    """Fieller's interval with Welch df at every ratio, by a direct root solve."""
    nb, nc = (int(x) for x in rng.integers(2, 41, 2))
    centre = float(rng.uniform(0.001, 300.0))
    cv = float(rng.choice([0.005, 0.02, 0.05, 0.2, 0.6]))
    baseline = np.abs(rng.normal(centre, centre * cv, nb))
    candidate = np.abs(rng.normal(centre * rng.uniform(0.3, 3.0), centre * cv * rng.uniform(0.3, 3), nc))
    level = float(rng.choice([1e-4, 0.001, 0.01, 0.025, 0.05]))
    estimate = candidate.mean() / baseline.mean()
    above = lambda r: stats.t.sf(*welch_at(baseline, candidate, r)) - level
    below = lambda r: stats.t.cdf(*welch_at(baseline, candidate, r)) - level
    low = 0.0 if above(0.0) >= 0 else optimize.brentq(above, 0.0, estimate, xtol=1e-14, rtol=1e-13)
    limit = stats.t.cdf(-baseline.mean() / (baseline.std(ddof=1) / np.sqrt(nb)), nb - 1)
    high = None
    if limit < level:
        top = max(2 * estimate, 1.0)
        while below(top) >= 0:
            top *= 2
        high = optimize.brentq(below, estimate, top, xtol=1e-14, rtol=1e-13)
    return {"baseline": baseline.tolist(), "candidate": candidate.tolist(), "level": level,
            "low": float(low), "high": None if high is None else float(high)}


yuen_rng = np.random.default_rng(20261207)


def yuen_case(index):
    """Yuen's test on samples with outliers, ties and very different sizes (5..60)."""
    nb, nc = (int(x) for x in yuen_rng.integers(5, 61, 2))
    centre = float(yuen_rng.uniform(0.05, 300.0))
    spread = centre * float(yuen_rng.uniform(0.005, 0.2))
    baseline = yuen_rng.normal(centre, spread, nb)
    shift = float(yuen_rng.choice([1.0, 1.03, 0.97, 1.2, 0.8]))
    candidate = yuen_rng.normal(centre * shift, spread * float(yuen_rng.choice([0.3, 1.0, 3.0])), nc)
    for group in (baseline, candidate):
        slow = yuen_rng.uniform(size=group.size) < 0.1
        group[slow] *= yuen_rng.uniform(1.5, 2.0, int(slow.sum()))
    if index % 5 == 0:
        baseline[: nb // 2] = baseline[0]
    baseline = np.abs(baseline) + 1e-3
    candidate = np.abs(candidate) + 1e-3
    threshold = float(yuen_rng.choice([0.0, 0.01, 0.05, 0.1]))

    def test(factor, alternative):
        return stats.ttest_ind(candidate, baseline * factor, equal_var=False, trim=0.2,
                               alternative=alternative)

    plain = test(1.0, "two-sided")
    regression = test(1 + threshold, "greater")
    improvement = test(1 - threshold, "less")
    return {
        "baseline": baseline.tolist(),
        "candidate": candidate.tolist(),
        "threshold": threshold,
        "t": float(plain.statistic),
        "df": float(plain.df),
        "pTwoSided": float(plain.pvalue),
        "regression": {"t": float(regression.statistic), "df": float(regression.df),
                       "p": float(regression.pvalue)},
        "improvement": {"t": float(improvement.statistic), "df": float(improvement.df),
                        "p": float(improvement.pvalue)},
        "pUnchanged": float(max(test(1 + threshold, "less").pvalue,
                                test(1 - threshold, "greater").pvalue)),
    }


def sweep_case(name):
    """Each candidate of one of Pulumi's experiments (fixtures/data) against its first
    result, as `compare FILE` sweeps it: Welch's t, df and p, and the one-sided p-values
    of regression and improvement at threshold 0."""
    with open(f"fixtures/data/{name}") as file:
        results = json.load(file)["results"]
    baseline = np.array(results[0]["times"])
    rows = []
    for result in results[1:]:
        candidate = np.array(result["times"])
        plain = stats.ttest_ind(candidate, baseline, equal_var=False)
        greater = stats.ttest_ind(candidate, baseline, equal_var=False, alternative="greater")
        less = stats.ttest_ind(candidate, baseline, equal_var=False, alternative="less")
        rows.append({"parameters": result["parameters"], "t": float(plain.statistic),
                     "df": float(plain.df), "pTwoSided": float(plain.pvalue),
                     "pRegression": float(greater.pvalue), "pImprovement": float(less.pvalue)})
    return {"file": name, "rows": rows}


def main():
    cases = [welch_case(i) for i in range(600)]
    designs = [[3, 4, 5, 6, 8, 10, 13, 16, 20], [3, 6, 11, 20], [3, 10, 31, 100], [5, 10, 15, 20]]
    spending = [
        {"alpha": alpha, "gamma": gamma, "fractions": fractions,
         "levels": [float(stats.norm.sf(c)) for c in
                    (hsd_bounds if len(fractions) <= 4 else hsd_bounds_grid)(alpha, gamma, fractions)]}
        for sizes in designs
        for fractions in [[n / sizes[-1] for n in sizes]]
        for alpha in (0.05, 0.005)
        for gamma in (-3.0, -1.0)
    ]
    fractions = [n / 20 for n in designs[0]]
    stage = [
        {"alpha": 0.05, "gamma": -3.0, "fractions": fractions, "look": k, "p": p,
         "stageWise": float(stage_wise(0.05, -3.0, fractions, k, p))}
        for k, p in [(0, 1e-4), (1, 3e-4), (2, 1e-3), (3, 2e-3)]
    ]
    fieller = [fieller_case(i) for i in range(200)]
    yuen = [yuen_case(i) for i in range(200)]
    sweeps = [sweep_case(name) for name in ("six-way-experiment.json", "scaling-experiment.json")]
    json.dump({"generator": "scripts/scipy-reference.py", "scipy": __import__("scipy").__version__,
               "welch": cases, "spending": spending, "stageWise": stage, "fieller": fieller, "yuen": yuen,
               "sweeps": sweeps},
              sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
