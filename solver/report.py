"""``codesolve report DIR``: what a run achieved, derived from its database only.

Per problem, from the recorded trace and the verdicts on the hidden tests:

* a candidate is correct when it passed the samples and every hidden test (duplicates
  share their original's verdict; candidates that failed a sample or gave no code are
  wrong);
* the *pool* is the model's samples (repairs excluded): ``n`` samples, ``c`` correct; its
  unbiased pass@k is reported for every k up to the smallest pool of the run;
* *coverage*: some candidate, repairs included, is correct;
* *solved* (n@k, AlphaCode's 10@k with the default k = 10 submissions): one of the chosen
  submissions is correct; *first submission* (1@k): the first one is.

The *adaptive curve* (:mod:`solver.budget`): for each first-round size, the stop rule of the
run's configuration applied to prefixes of each problem's recorded pool, as an adaptive run
would have drawn them: the samples it would have spent (mean per problem) and the solve
rate of what it would have chosen. An adaptive run reports the samples it did spend.

The curve of solve rate against the number of samples is computed without new model calls
or executions: for a budget of m samples, random subsets of m samples of the recorded pool
are drawn and the selection is re-run on them (the clusters restricted to the subset, CodeT
scores and cluster order recomputed by the pipeline's own :func:`solver.ranker.rank`, a
repair kept when the sample it repaired is kept);
with all n samples this reproduces the run's own choice exactly, and when a budget has no
more subsets than ``draws`` all of them are evaluated (exact, not estimated).
"""

from __future__ import annotations

import itertools
import json
import math
import os
from dataclasses import replace
from typing import Any, Iterable, NamedTuple

import numpy as np

from .budget import StopRule, simulate
from .metrics import bootstrap_interval, mean_pass_at_k, n_at_k, pass_at_k
from .pipeline import distinct_members
from .ranker import Cluster, ExpectedTest, Ranked, RankWeights, rank, select
from .store import RunStore

#: The solve stages, then judging on the hidden tests (evaluation, not part of solving).
STAGES = ("sample", "filter", "repair", "tests", "rank", "distinguish", "judge")
#: Bootstrap draws of the report's confidence intervals (:func:`solver.metrics.bootstrap_interval`).
INTERVAL_DRAWS = 2000
#: Their seed and level.
INTERVAL_SEED = 0
INTERVAL_LEVEL = 0.95


def _root(cands: list[dict[str, Any]], cid: int) -> int:
    dup = cands[cid]["duplicate_of"]
    return cid if dup is None else dup


def trace_clusters(attempt: dict[str, Any]) -> tuple[list[Cluster], list[ExpectedTest]]:
    """The clusters (in the run's order) and the expected-output tests of a recorded trace."""
    clusters = [Cluster(c["signature"], tuple(c["members"]), c["failures"], tuple(c.get("behaviour", ())))
                for c in attempt["clusters"]]
    tests = [ExpectedTest(t["input"], t["expected"], t.get("weight", 1))
             for t in attempt.get("expected_tests", []) if isinstance(t, dict)]
    return clusters, tests


def ranked_subset(attempt: dict[str, Any], keep: set[int], weights: RankWeights | None = None) -> list[Ranked]:
    """The ranking had only the candidates in ``keep`` been sampled: the recorded clusters
    restricted to them, ranked again by :func:`solver.ranker.rank` with the ranking weights
    the run used (``weights``: others, as ``codesolve tune`` tries them)."""
    clusters, tests = trace_clusters(attempt)
    kept = [replace(c, members=members) for c in clusters
            if (members := tuple(m for m in c.members if m in keep))]
    if weights is None:
        weights = RankWeights.from_json(attempt.get("ranking"))
    return rank(kept, tests, adjudicated(attempt), bool(attempt.get("inputs_valid")), weights)


def select_ranked(attempt: dict[str, Any], ranked: list[Ranked], k: int) -> list[int]:
    """The ``k`` submissions chosen from a ranking of a recorded trace."""
    return select(distinct_members([r.cluster for r in ranked], attempt["candidates"], k), k)


def select_subset(attempt: dict[str, Any], keep: set[int], k: int) -> list[int]:
    """The submissions the ranker would choose had only the candidates in ``keep`` been
    sampled (:func:`ranked_subset`)."""
    return select_ranked(attempt, ranked_subset(attempt, keep), k)


def adjudicated(attempt: dict[str, Any]) -> list[tuple[str, str]]:
    """The S* round's (winner, loser), when it had a winner."""
    record = attempt.get("adjudication") or {}
    pair, winner = record.get("pair") or [], record.get("winner")
    if len(pair) != 2 or winner not in pair:
        return []
    return [(str(winner), str(pair[1] if winner == pair[0] else pair[0]))]


def _with_repairs(cands: list[dict[str, Any]], kept: Iterable[int]) -> set[int]:
    keep = set(kept)
    for c in cands:  # in id order: a repair comes after what it repaired
        if c["repaired_from"] is not None and c["repaired_from"] in keep:
            keep.add(c["id"])
    return keep


def attempt_cost(attempt: dict[str, Any]) -> float:
    """What a problem's model requests cost: the ``cost`` of each role of its ``usage`` (0 when
    it recorded none)."""
    return float(sum((amounts or {}).get("cost", 0.0) for amounts in (attempt.get("usage") or {}).values()))


def attempt_tokens(attempt: dict[str, Any]) -> int:
    """The tokens (prompt and completion) of a problem's model requests, over every role."""
    return int(sum((u or {}).get("prompt_tokens", 0) + (u or {}).get("completion_tokens", 0)
                   for u in (attempt.get("usage") or {}).values()))


class ProblemFigures:
    """The figures of one finished problem."""

    def __init__(self, row: dict[str, Any], k: int) -> None:
        self.id = row["id"]
        self.attempt: dict[str, Any] = row["attempt"]
        self.judged: dict[str, Any] | None = row["judged"]
        self.seconds = row["seconds"] or 0.0
        self.cost = attempt_cost(self.attempt)
        self.k = k
        cands = self.attempt["candidates"]
        verdicts = (self.judged or {}).get("verdicts", {})
        #: Each candidate's verdict on the hidden tests (a duplicate has its original's; None: not judged).
        self.hidden: list[str | None] = [verdicts.get(str(_root(cands, c["id"]))) for c in cands]
        self.correct = [v == "AC" for v in self.hidden]
        self.pool = [c["id"] for c in cands if c["variant"] != "repair"]
        self.n = len(self.pool)
        self.c = sum(self.correct[i] for i in self.pool)
        subs = self.attempt["submissions"]
        self.solved = any(self.correct[s] for s in subs)
        self.first = bool(subs) and self.correct[subs[0]]
        self.coverage = any(self.correct)
        self.survivors = sum(c["sample_verdict"] == "AC" for c in cands)
        self.clusters = self.attempt["clusters"]
        self.chosen_sizes = [len(self.clusters[cands[s]["cluster"]]["members"]) for s in subs
                             if cands[s]["cluster"] is not None]
        self.first_verdict = (verdicts.get(str(_root(cands, subs[0]))) or "-") if subs else "no submission"

    def solved_with(self, keep: set[int]) -> tuple[bool, bool]:
        """(some submission is correct, the first one is) for the selection on ``keep``."""
        chosen = select_subset(self.attempt, keep, self.k)
        return any(self.correct[s] for s in chosen), bool(chosen) and self.correct[chosen[0]]

    def expected_solved(self, m: int, draws: int, rng: np.random.Generator) -> tuple[float, float]:
        """Chance that the selection on a random m-sample subset of the pool solves the problem:
        exact (every subset) when there are at most ``draws`` subsets, else estimated from
        ``draws`` random ones."""
        if m >= self.n:
            return float(self.solved), float(self.first)
        cands = self.attempt["candidates"]
        if math.comb(self.n, m) <= draws:
            subsets: Iterable[Iterable[int]] = itertools.combinations(range(self.n), m)
        else:
            subsets = (rng.choice(self.n, size=m, replace=False) for _ in range(draws))
        hits = firsts = total = 0
        for chosen in subsets:
            solved, first = self.solved_with(_with_repairs(cands, (self.pool[int(i)] for i in chosen)))
            hits += solved
            firsts += first
            total += 1
        return hits / total, firsts / total


def sample_budgets(n: int) -> list[int]:
    """1..n when small, else powers of two and n (what the curve is drawn at)."""
    if n <= 16:
        return list(range(1, n + 1))
    budgets = sorted({2 ** i for i in range(int(math.log2(n)) + 1)} | {n})
    return [b for b in budgets if b <= n]


class RunFigures(NamedTuple):
    """What a run's figures are computed from: its judged problems' figures (in problem order),
    its submissions per problem ``k``, its configuration and every problem row of its store."""

    figures: list[ProblemFigures]
    k: int
    config: dict[str, Any]
    rows: list[dict[str, Any]]


def run_figures(store: RunStore) -> RunFigures:
    """The figures of a run's judged problems, as the report and ``codesolve compare`` use them."""
    config = store.get_meta("config") or {}
    k = int(config.get("k", 10))
    rows = store.problems()
    figures = [ProblemFigures(r, k) for r in rows if r["status"] == "done" and r["judged"] is not None]
    return RunFigures(figures, k, config, rows)


def smallest_pool(figures: list[ProblemFigures]) -> int:
    """The smallest pool (samples, repairs excluded) of the problems: pass@k is given up to it."""
    return min((f.n for f in figures), default=0)


def interval(values: Iterable[float], draws: int = INTERVAL_DRAWS, seed: int = INTERVAL_SEED) -> list[float]:
    """The report's confidence interval of a mean over problems, as ``[low, high]``."""
    low, high = bootstrap_interval(values, draws, seed, INTERVAL_LEVEL)
    return [low, high]


def intervals(figures: list[ProblemFigures], k: int) -> dict[str, Any]:
    """The intervals of the report's solve rates and pass@k (empty when no problem is judged)."""
    if not figures:
        return {}
    return {f"{k}_at_k": interval(float(f.solved) for f in figures),
            "1_at_k": interval(float(f.first) for f in figures),
            "coverage": interval(float(f.coverage) for f in figures),
            "pass_at_k": {str(m): interval(pass_at_k(f.n, f.c, m) for f in figures)
                          for m in range(1, smallest_pool(figures) + 1)}}


def interval_method(draws: int = INTERVAL_DRAWS, seed: int = INTERVAL_SEED) -> str:
    """The intervals' procedure in words."""
    return (f"percentile bootstrap of the mean over the judged problems: {draws} draws of the problems with "
            f"replacement, numpy default_rng({seed}), {100 * INTERVAL_LEVEL:g}% level (solver/metrics.py)")


def build(store: RunStore, draws: int = 100, seed: int = 0) -> dict[str, Any]:
    figures, k, config, rows = run_figures(store)
    unjudged = [r["id"] for r in rows if r["status"] == "done" and r["judged"] is None]
    errors = {r["id"]: r["error"] for r in rows if r["status"] == "error"}
    usage: dict[str, dict[str, float]] = {}
    stages: dict[str, float] = {}
    for r in rows:
        if r["status"] != "done":
            continue
        for role, amounts in r["attempt"].get("usage", {}).items():
            into = usage.setdefault(role, {})
            for name, value in amounts.items():
                into[name] = into.get(name, 0) + value
        for stage, seconds in r["attempt"].get("timings", {}).items():
            stages[stage] = stages.get(stage, 0.0) + seconds
    solved = [f for f in figures if f.solved]
    pool_min = smallest_pool(figures)
    total_samples = int(config.get("samples", 0)) * len(config.get("languages", []) or [])
    rng = np.random.default_rng(seed)
    budgets = sample_budgets(pool_min) if pool_min else []
    at = {m: [f.expected_solved(m, draws, rng) for f in figures] for m in budgets}
    curve = {"samples": budgets,
             "pass_at_k": [mean_pass_at_k([(f.n, f.c) for f in figures], m) for m in budgets],
             f"{k}_at_k": [float(np.mean([x[0] for x in at[m]])) for m in budgets],
             "1_at_k": [float(np.mean([x[1] for x in at[m]])) for m in budgets]}
    cost = sum(u.get("cost", 0.0) for u in usage.values())
    rule = StopRule(int(config.get("stop_stable_rounds", 1)), int(config.get("stop_min_size", 2)),
                    bool(config.get("stop_allow_failures", False)))
    adaptive_run = bool(config.get("first_round")) and int(config["first_round"]) < int(config.get("samples", 0))
    return {
        "run_dir": store.dir,
        "config": config,
        "problems": len(rows),
        "judged": len(figures),
        "not_judged": unjudged,
        "errors": errors,
        "submissions": k,
        "samples_per_problem": total_samples,
        f"{k}_at_k": n_at_k(f.solved for f in figures),
        "1_at_k": n_at_k(f.first for f in figures),
        "coverage": n_at_k(f.coverage for f in figures),
        "pass_at_k": {str(m): mean_pass_at_k([(f.n, f.c) for f in figures], m) for m in range(1, pool_min + 1)},
        "intervals": intervals(figures, k),
        "interval_draws": INTERVAL_DRAWS,
        "interval_method": interval_method(),
        "curve": curve,
        "curve_draws": draws,
        "samples_spent": {"mean": float(np.mean([f.n for f in figures])) if figures else 0.0,
                          "total": sum(f.n for f in figures), "adaptive": adaptive_run,
                          "first_round": int(config.get("first_round", 0) or 0), "rule": rule.to_json()},
        "adaptive_curve": adaptive_curve(figures, k, rule, [m for m in budgets if m < pool_min])
        if not adaptive_run and not cascade_of(figures) else None,
        "cascade": cascade_stages(figures, usage),
        "usage": usage,
        "cost": cost,
        "cost_per_solved": cost / len(solved) if solved else None,
        "tokens_per_solved": (sum(u.get("prompt_tokens", 0) + u.get("completion_tokens", 0) for u in usage.values())
                              / len(solved)) if solved else None,
        "time_per_stage_s": {s: round(stages.get(s, 0.0), 3) for s in STAGES},
        "per_problem": [{
            "id": f.id, "samples": f.n, "correct_samples": f.c,
            "with_code": sum(c["code"] is not None for c in f.attempt["candidates"] if c["variant"] != "repair"),
            "repairs": sum(c["variant"] == "repair" for c in f.attempt["candidates"]),
            "survivors": f.survivors, "clusters": len(f.clusters), "chosen_cluster_sizes": f.chosen_sizes,
            "generated_inputs": len(f.attempt.get("inputs", [])), "first_verdict": f.first_verdict,
            "tokens": attempt_tokens(f.attempt),
            "solved": f.solved, "first": f.first, "coverage": f.coverage, "cost": round(f.cost, 6),
            "seconds": round(f.seconds, 2)} for f in figures],
    }


def cascade_of(figures: list[ProblemFigures]) -> list[str]:
    """The models of a cascade run, in order (empty for a run with one solve model)."""
    for f in figures:
        models = [m["model"] for m in (f.attempt.get("budget") or {}).get("models", [])]
        if len(models) > 1:
            return models
    return []


def cascade_stages(figures: list[ProblemFigures], usage: dict[str, dict[str, float]]) -> list[dict[str, Any]]:
    """Per model of a cascade: the problems whose sampling ended with it (settled there, or
    it was the last), how many of them were solved, the samples it wrote and what they cost
    (its role ``solve:NAME``)."""
    models = cascade_of(figures)
    if not models:
        return []
    stages: list[dict[str, Any]] = [{"model": m, "problems_ended": 0, "solved": 0, "first_solved": 0, "samples": 0,
                                     "cost": usage.get(f"solve:{m}", {}).get("cost", 0.0)} for m in models]
    for f in figures:
        drawn = [m["samples"] for m in (f.attempt.get("budget") or {}).get("models", [])]
        if not drawn:
            continue
        last = max(i for i, n in enumerate(drawn) if n or i == 0)
        stages[last]["problems_ended"] += 1
        stages[last]["solved"] += int(f.solved)
        stages[last]["first_solved"] += int(f.first)
        for i, n in enumerate(drawn):
            stages[i]["samples"] += n
    return stages


def adaptive_curve(figures: list[ProblemFigures], k: int, rule: StopRule,
                   firsts: list[int]) -> dict[str, list[float]]:
    """Per first-round size: the mean samples an adaptive run would have spent per problem and
    its solve rates (:func:`solver.budget.simulate` on the recorded pools)."""
    samples: list[float] = []
    solved_rates: list[float] = []
    first_rates: list[float] = []
    for first in firsts:
        spent, solved, firsts_ok = [], [], []
        for f in figures:
            drawn, chosen = simulate(f.attempt, first, rule, k)
            spent.append(drawn)
            solved.append(any(f.correct[s] for s in chosen))
            firsts_ok.append(bool(chosen) and f.correct[chosen[0]])
        samples.append(float(np.mean(spent)))
        solved_rates.append(n_at_k(solved))
        first_rates.append(n_at_k(firsts_ok))
    return {"first_round": [float(x) for x in firsts], "samples": samples, f"{k}_at_k": solved_rates,
            "1_at_k": first_rates}


def describe_rule(rule: dict[str, Any]) -> str:
    """A stop rule in words."""
    doublings = int(rule.get("stable_rounds", 1))
    return (f"stop when the top cluster is unchanged for {doublings} doubling{'s' if doublings != 1 else ''}, "
            f"holds at least {rule.get('min_size', 2)} candidates"
            + ("" if rule.get("allow_failures") else " and fails on no input"))


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"


def pct_interval(bounds: list[float] | tuple[float, float] | None) -> str:
    """An interval of rates as ``29.9–44.5%`` (``-`` when there is none)."""
    return "-" if not bounds else f"{100 * bounds[0]:.1f}–{100 * bounds[1]:.1f}%"


def _interval_rows(report: dict[str, Any]) -> list[str]:
    """The Solve rate table's interval row and the line saying what the intervals are."""
    ci = report.get("intervals") or {}
    if not ci:
        return [""]
    k = report["submissions"]
    level = f"{100 * INTERVAL_LEVEL:g}% CI"
    return [f"| {level} | {pct_interval(ci.get(f'{k}_at_k'))} | {pct_interval(ci.get('1_at_k'))} | "
            f"{pct_interval(ci.get('coverage'))} |", "",
            f"{level}: percentile bootstrap over the {report['judged']} judged problems "
            f"({report.get('interval_draws', INTERVAL_DRAWS)} draws of the problems with replacement; the procedure "
            "is in solver/metrics.py): how far the rate could move on another set of problems like these.", ""]


def markdown(report: dict[str, Any]) -> str:
    k = report["submissions"]
    cfg = report["config"]
    lines = [f"# codesolve report: {report['run_dir']}", "",
             f"Model `{cfg.get('model', '?')}`" + (f", tests model `{cfg['tests_model']}`" if cfg.get("tests_model")
                                                  else ", no tests model")
             + f"; {cfg.get('samples', '?')} samples per problem and language ({', '.join(cfg.get('languages', []))}),"
             f" {k} submissions per problem.", "",
             "## Solve rate", "",
             f"| problems judged | {k}@k (solved) | 1@k (first submission) | coverage (any correct sample) |",
             "| --- | --- | --- | --- |",
             f"| {report['judged']} | {_pct(report[f'{k}_at_k'])} | {_pct(report['1_at_k'])} | "
             f"{_pct(report['coverage'])} |", *_interval_rows(report)]
    if report["errors"]:
        lines += [f"{len(report['errors'])} problem(s) failed and are not counted above:", ""]
        lines += [f"- `{pid}`: {msg}" for pid, msg in report["errors"].items()] + [""]
    if report["not_judged"]:
        lines += [f"Not judged (no hidden tests, or judging off): {', '.join(report['not_judged'])}", ""]
    if report["pass_at_k"]:
        ks = list(report["pass_at_k"])
        shown = [x for x in ks if int(x) in sample_budgets(int(ks[-1]))]
        lines += ["## pass@k (unbiased, over the model's samples)", "",
                  "| " + " | ".join(f"pass@{x}" for x in shown) + " |", "|" + " --- |" * len(shown),
                  "| " + " | ".join(_pct(report["pass_at_k"][x]) for x in shown) + " |"]
        ci = (report.get("intervals") or {}).get("pass_at_k") or {}
        if ci:
            lines += ["| " + " | ".join(pct_interval(ci.get(x)) for x in shown) + " |", "",
                      f"Second row: the {100 * INTERVAL_LEVEL:g}% CI (bootstrap over problems, as above)."]
        lines.append("")
    curve = report["curve"]
    if curve["samples"]:
        lines += [f"## Solve rate against samples (subsampling the recorded pool, {report['curve_draws']} draws)", "",
                  f"| samples | pass@k | {k}@k | 1@k |", "| --- | --- | --- | --- |"]
        lines += [f"| {m} | {_pct(p)} | {_pct(s)} | {_pct(f)} |"
                  for m, p, s, f in zip(curve["samples"], curve["pass_at_k"], curve[f"{k}_at_k"], curve["1_at_k"])]
        lines += ["", "![solve rate against samples](report.png)", ""]
    spent = report["samples_spent"]
    if spent["adaptive"]:
        lines += [f"Adaptive budget (first round {spent['first_round']}; {describe_rule(spent['rule'])}): "
                  f"{spent['mean']:.1f} samples per problem on average ({spent['total']} in all, of "
                  f"{report['samples_per_problem']} per problem at most).", ""]
    if report.get("cascade"):
        lines += ["## Cascade", "", "| model | problems whose sampling ended here | solved of them | first submission "
                  "right | samples written | cost |", "| --- |" + " ---: |" * 5]
        lines += [f"| {c['model']} | {c['problems_ended']} | {c['solved']} | {c['first_solved']} | {c['samples']} | "
                  f"{c['cost']:.4f} |" for c in report["cascade"]]
        lines.append("")
    adaptive = report.get("adaptive_curve")
    if adaptive and adaptive["samples"]:
        rates = [f"{k}_at_k", "1_at_k"] if k != 1 else ["1_at_k"]
        lines += [f"## Adaptive budget on this pool ({describe_rule(spent['rule'])}; replayed on the recorded "
                  "samples)", "", "| first round | samples spent per problem | "
                  + " | ".join(r.replace("_at_", "@") for r in rates) + " |", "|" + " --- |" * (2 + len(rates))]
        lines += [f"| {int(m)} | {s:.1f} | " + " | ".join(_pct(adaptive[r][i]) for r in rates) + " |"
                  for i, (m, s) in enumerate(zip(adaptive["first_round"], adaptive["samples"]))]
        lines.append("")
    lines += ["## Problems", "",
              "| problem | samples | tokens | with code | correct | repairs | survivors | clusters | chosen cluster "
              "sizes | first verdict | solved |", "| --- |" + " ---: |" * 8 + " --- | --- |"]
    for p in report["per_problem"]:
        lines.append(f"| {p['id']} | {p['samples']} | {p.get('tokens', 0)} | {p['with_code']} | "
                     f"{p['correct_samples']} | {p['repairs']} | "
                     f"{p['survivors']} | {p['clusters']} | {', '.join(map(str, p['chosen_cluster_sizes'])) or '-'} "
                     f"| {p['first_verdict']} | {'yes' if p['solved'] else 'no'} |")
    lines += ["", "## Model usage", "", "| role | requests | samples (cached) | prompt tokens | completion tokens "
              "| retries | cost |", "| --- |" + " ---: |" * 6]
    for role, u in sorted(report["usage"].items()):
        lines.append(f"| {role} | {int(u.get('requests', 0))} | {int(u.get('samples', 0))} "
                     f"({int(u.get('cached_samples', 0))}) | {int(u.get('prompt_tokens', 0))} | "
                     f"{int(u.get('completion_tokens', 0))} | {int(u.get('retries', 0))} | {u.get('cost', 0.0):.4f} |")
    per_solved = report["cost_per_solved"]
    if per_solved is not None:
        lines += ["", f"Cost per solved problem: {per_solved:.4f}; tokens per solved problem: "
                      f"{report['tokens_per_solved']:.0f}."]
    lines += ["", "## Time per stage (seconds, summed over problems)", "",
              "| " + " | ".join(STAGES) + " |", "|" + " ---: |" * len(STAGES),
              "| " + " | ".join(f"{report['time_per_stage_s'][s]:.1f}" for s in STAGES) + " |", ""]
    return "\n".join(lines) + "\n"


def plot(report: dict[str, Any], path: str) -> bool:
    """Solve rate against samples as a PNG; False when there is nothing to draw."""
    curve = report["curve"]
    if not curve["samples"]:
        return False
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    k = report["submissions"]
    fig, ax = plt.subplots(figsize=(6, 4), dpi=120)
    ax.plot(curve["samples"], [100 * x for x in curve["pass_at_k"]], marker="o", label="pass@k (any of k samples)")
    ax.plot(curve["samples"], [100 * x for x in curve[f"{k}_at_k"]], marker="s",
            label=f"{k}@k (solved with {k} submissions)")
    ax.plot(curve["samples"], [100 * x for x in curve["1_at_k"]], marker="^", label="1@k (first submission)")
    adaptive = report.get("adaptive_curve")
    if adaptive and adaptive["samples"]:
        ax.plot(adaptive["samples"], [100 * x for x in adaptive["1_at_k"]], marker="v", linestyle="--",
                label="1@k, adaptive budget (samples spent)")
    if len(curve["samples"]) > 1 and curve["samples"][-1] > 16:
        ax.set_xscale("log", base=2)
    ax.set_xlabel("samples per problem (k)")
    ax.set_ylabel("problems solved (%)")
    ax.set_ylim(0, 100)
    ax.grid(True, alpha=0.3)
    ax.legend(loc="lower right")
    ax.set_title(plot_title(report), fontsize=10)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return True


def plot_title(report: dict[str, Any], width: int = 60) -> str:
    """The plot's title: the model (a replay by its file name, not its path) and the number of
    problems, wrapped to fit above the plot."""
    import textwrap

    model = str(report["config"].get("model", ""))
    if model.startswith("replay:"):
        model = "replay:" + os.path.basename(model[len("replay:"):])
    return "\n".join(textwrap.wrap(f"{model}: {report['judged']} problems", width, break_long_words=True)[:3])


def write(store: RunStore, draws: int = 100) -> dict[str, str]:
    """Write report.json, report.md and report.png into the run directory; returns the paths."""
    report = build(store, draws)
    paths = {"json": os.path.join(store.dir, "report.json"), "markdown": os.path.join(store.dir, "report.md")}
    with open(paths["json"], "w") as f:
        json.dump(report, f, indent=2)
    with open(paths["markdown"], "w") as f:
        f.write(markdown(report))
    png = os.path.join(store.dir, "report.png")
    if plot(report, png):
        paths["plot"] = png
    return paths


def summary(json_path: str) -> tuple[str, list[str]]:
    """What ``codesolve solve`` ends with, read from the report it wrote (``report.json``): the
    solve rate of the judged problems and a line per failed problem; and the failed ones' ids."""
    with open(json_path) as f:
        report = json.load(f)
    k = report["submissions"]
    lines = [f"solved {report[f'{k}_at_k'] * report['judged']:.0f}/{report['judged']} judged problems "
             f"({k}@k {100 * report[f'{k}_at_k']:.1f}%, first submission {100 * report['1_at_k']:.1f}%, "
             f"coverage {100 * report['coverage']:.1f}%)"]
    lines += [f"failed: {pid}: {message}" for pid, message in report["errors"].items()]
    return "\n".join(lines) + "\n", list(report["errors"])


__all__ = ["RunFigures", "attempt_cost", "build", "interval", "intervals", "markdown", "pct_interval", "plot",
           "run_figures", "sample_budgets", "select_subset", "smallest_pool", "summary", "write"]
