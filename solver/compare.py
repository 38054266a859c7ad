"""``codesolve compare``: runs side by side, with bootstrap confidence intervals.

Each run's figures are computed from its run database exactly as its report's
(:func:`solver.report.run_figures`), over the problems it judged; each figure is a mean over
those problems with its percentile bootstrap interval (:func:`solver.metrics.bootstrap_interval`,
the procedure is in :mod:`solver.metrics`). With the default draws and seed the solve rates'
intervals are the ones in the run's ``report.json``.

The first run is the baseline. Each other run's difference to it (other - baseline) is the
mean of the per-problem differences over the problems both judged, with the paired bootstrap
interval (:func:`solver.metrics.paired_interval`: problems are resampled, each draw takes the
same problems from both runs). When the runs judged different problems the comparison says so
and names the problems only one run judged; the disagreements are listed over the problems
every run judged.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

import numpy as np

from .errors import RunDirError
from .metrics import bootstrap_interval, paired_interval, pass_at_k
from .report import ProblemFigures, attempt_cost, run_figures, smallest_pool
from .store import RunStore

#: The confidence level of every interval.
LEVEL = 0.95
#: Per figure: its name in the result, how the markdown heads it, whether it is a rate.
FIGURES = (("1_at_k", "1@k", True), ("n_at_k", "n@k", True), ("coverage", "coverage", True),
           ("pass_at_1", "pass@1", True), ("pass_at_m", "pass@m", True),
           ("cost_per_problem", "cost / problem", False), ("seconds_per_problem", "seconds / problem", False))
#: The figures whose paired differences are given.
DIFFERENCES = ("1_at_k", "n_at_k", "coverage", "pass_at_1", "cost_per_problem", "seconds_per_problem")
#: Disagreements listed in the markdown at most.
MAX_DISAGREEMENTS = 50

Values = Callable[[ProblemFigures], float]


class _Run:
    """One run's judged problems and what the comparison needs of its store."""

    def __init__(self, run_dir: str) -> None:
        try:
            store = RunStore.open_existing(run_dir)
        except FileNotFoundError as exc:
            raise RunDirError(str(exc)) from None
        try:
            self.figures, self.k, self.config, rows = run_figures(store)
        finally:
            store.close()
        if not self.figures:
            raise RunDirError(f"{run_dir}: the run has no judged problem to compare (solve it with judging on, "
                              "on problems with hidden tests)")
        self.dir = run_dir
        self.by_id = {f.id: f for f in self.figures}
        self.errors = sum(r["status"] == "error" for r in rows)
        done = [r for r in rows if r["status"] == "done"]
        self.total_cost = sum(attempt_cost(r["attempt"] or {}) for r in done)
        self.total_seconds = float(sum(r["seconds"] or 0.0 for r in done))


def _values(name: str, m: int) -> Values:
    """The per-problem value whose mean is the figure ``name`` (``pass_at_m`` at ``m``)."""
    table: dict[str, Values] = {
        "1_at_k": lambda f: float(f.first), "n_at_k": lambda f: float(f.solved),
        "coverage": lambda f: float(f.coverage), "pass_at_1": lambda f: pass_at_k(f.n, f.c, 1),
        "pass_at_m": lambda f: pass_at_k(f.n, f.c, m), "cost_per_problem": lambda f: f.cost,
        "seconds_per_problem": lambda f: float(f.seconds)}
    return table[name]


def _estimate(values: list[float], draws: int, seed: int) -> dict[str, float]:
    """A mean over problems with its bootstrap interval."""
    low, high = bootstrap_interval(values, draws, seed, LEVEL)
    return {"value": float(np.mean(values)), "low": low, "high": high}


def _run_figures(run: _Run, m: int, draws: int, seed: int) -> dict[str, dict[str, float]]:
    """A run's figures over its judged problems (``pass_at_1`` only when every pool has a sample,
    ``pass_at_m`` only when ``m > 1``)."""
    names = [name for name, _, _ in FIGURES
             if (name != "pass_at_1" or smallest_pool(run.figures) >= 1) and (name != "pass_at_m" or m > 1)]
    return {name: _estimate([_values(name, m)(f) for f in run.figures], draws, seed) for name in names}


def _common_m(runs: list[_Run]) -> int:
    """The pass@m compared: the smallest, over the runs, of the run's smallest pool and its k."""
    return min(min(smallest_pool(r.figures), r.k) for r in runs)


def _pair(base: _Run, other: _Run, m: int, draws: int, seed: int) -> dict[str, Any]:
    """``other`` - ``base`` on the problems both judged (in the baseline's order)."""
    shared = [pid for pid in base.by_id if pid in other.by_id]
    differences: dict[str, dict[str, float]] = {}
    if shared:
        for name in DIFFERENCES:
            if name == "pass_at_1" and min(min(base.by_id[p].n, other.by_id[p].n) for p in shared) < 1:
                continue
            value = _values(name, m)
            a = [value(base.by_id[p]) for p in shared]
            b = [value(other.by_id[p]) for p in shared]
            low, high = paired_interval(a, b, draws, seed, LEVEL)
            differences[name] = {"value": float(np.mean(b) - np.mean(a)), "low": low, "high": high}
    return {"run_dir": other.dir, "baseline": base.dir, "shared": len(shared),
            "only_baseline": [pid for pid in base.by_id if pid not in other.by_id],
            "only_run": [pid for pid in other.by_id if pid not in base.by_id], "differences": differences}


def _note(runs: list[_Run], shared: int) -> str | None:
    """What the comparison says when the runs judged different problems (None when they did not)."""
    if all(set(r.by_id) == set(runs[0].by_id) for r in runs):
        return None
    if len(runs) == 2:
        return f"the runs judged different problems: differences are over the {shared} problems both judged"
    return (f"the runs judged different problems: {shared} problems were judged by all of them; each difference "
            "is over the problems that run and the baseline both judged (its shared count)")


def _disagreements(runs: list[_Run], shared: list[str]) -> list[dict[str, Any]]:
    """The problems every run judged on which the runs' first submission or solved flag differ."""
    found = []
    for pid in shared:
        first = [bool(r.by_id[pid].first) for r in runs]
        solved = [bool(r.by_id[pid].solved) for r in runs]
        if len(set(first)) > 1 or len(set(solved)) > 1:
            found.append({"id": pid, "first": first, "solved": solved})
    return found


def compare_runs(run_dirs: Sequence[str], draws: int = 2000, seed: int = 0) -> dict[str, Any]:
    """The comparison of the runs in ``run_dirs`` (the first is the baseline); raises
    :class:`~solver.errors.RunDirError` naming a directory that is not a run directory or has no
    judged problem, or when fewer than two runs are given."""
    if len(run_dirs) < 2:
        raise RunDirError(f"compare needs at least two run directories, got {len(run_dirs)}")
    runs = [_Run(d) for d in run_dirs]
    m = _common_m(runs)
    shared = [pid for pid in runs[0].by_id if all(pid in r.by_id for r in runs)]
    elsewhere = [{pid for other in runs if other is not r for pid in other.by_id} for r in runs]
    return {
        "baseline": runs[0].dir,
        "draws": draws, "seed": seed, "level": LEVEL,
        "method": (f"percentile bootstrap of the mean over problems ({draws} draws of the problems with "
                   f"replacement, numpy default_rng({seed}), {100 * LEVEL:g}% level); differences are paired on "
                   "the problems both runs judged"),
        "m": m if m > 1 else None,
        "runs": [{"run_dir": r.dir, "model": r.config.get("model"), "tests_model": r.config.get("tests_model"),
                  "k": r.k, "judged": len(r.figures), "errors": r.errors, "cost": r.total_cost,
                  "seconds": r.total_seconds, "only": [pid for pid in r.by_id if pid not in seen],
                  "figures": _run_figures(r, m, draws, seed)} for r, seen in zip(runs, elsewhere)],
        "shared": len(shared),
        "note": _note(runs, len(shared)),
        "pairs": [_pair(runs[0], other, m, draws, seed) for other in runs[1:]],
        "disagreements": _disagreements(runs, shared),
    }


def _cell(figure: dict[str, float] | None, rate: bool) -> str:
    """A figure with its interval: ``37.2% (29.9–44.5%)`` for a rate, ``1.23 (1.00–1.50)`` else."""
    if not figure:
        return "-"
    if rate:
        return f"{100 * figure['value']:.1f}% ({100 * figure['low']:.1f}–{100 * figure['high']:.1f}%)"
    return f"{figure['value']:.4g} ({figure['low']:.4g}–{figure['high']:.4g})"


def _difference_cell(diff: dict[str, float] | None, rate: bool) -> str:
    """A paired difference with its interval, starred when the interval excludes 0."""
    if not diff:
        return "-"
    star = " *" if diff["low"] > 0 or diff["high"] < 0 else ""
    if rate:
        return (f"{100 * diff['value']:+.1f} pp ({100 * diff['low']:+.1f} to {100 * diff['high']:+.1f}){star}")
    return f"{diff['value']:+.4g} ({diff['low']:+.4g} to {diff['high']:+.4g}){star}"


def _runs_table(comparison: dict[str, Any]) -> list[str]:
    """The table of runs by figures."""
    m = comparison.get("m")
    shown = [(n, "pass@" + str(m) if n == "pass_at_m" else h, r) for n, h, r in FIGURES if n != "pass_at_m" or m]
    lines = ["| run | model | judged | errors | k | " + " | ".join(h for _, h, _ in shown) + " | total cost |",
             "| --- | --- |" + " ---: |" * (3 + len(shown) + 1)]
    for r in comparison["runs"]:
        lines.append(f"| {r['run_dir']} | {r['model'] or '?'} | {r['judged']} | {r['errors']} | {r['k']} | "
                     + " | ".join(_cell(r["figures"].get(n), rate) for n, _, rate in shown)
                     + f" | {r['cost']:.4f} |")
    return lines


def _pairs_table(comparison: dict[str, Any]) -> list[str]:
    """The table of paired differences against the baseline."""
    heads = {n: h for n, h, _ in FIGURES}
    rates = {n: rate for n, _, rate in FIGURES}
    lines = ["| run | problems both judged | " + " | ".join(heads[n] for n in DIFFERENCES) + " |",
             "| --- | ---: |" + " ---: |" * len(DIFFERENCES)]
    for p in comparison["pairs"]:
        lines.append(f"| {p['run_dir']} | {p['shared']} | "
                     + " | ".join(_difference_cell(p["differences"].get(n), rates[n]) for n in DIFFERENCES) + " |")
    return lines


def _disagreement_lines(comparison: dict[str, Any]) -> list[str]:
    """The disagreement list, at most :data:`MAX_DISAGREEMENTS` rows."""
    found = comparison["disagreements"]
    if not found:
        return [f"The runs agree on every one of the {comparison['shared']} problems all of them judged "
                "(first submission and solved)."]
    names = " | ".join(f"run {i + 1}" for i in range(len(comparison["runs"])))
    lines = [f"Problems all runs judged on which they disagree ({len(found)}): first submission right / solved, "
             "per run (run 1 is the baseline).", "", f"| problem | {names} |",
             "| --- |" + " --- |" * len(comparison["runs"])]
    for d in found[:MAX_DISAGREEMENTS]:
        cells = [f"{'yes' if f else 'no'} / {'yes' if s else 'no'}" for f, s in zip(d["first"], d["solved"])]
        lines.append(f"| {d['id']} | " + " | ".join(cells) + " |")
    if len(found) > MAX_DISAGREEMENTS:
        lines += ["", f"... and {len(found) - MAX_DISAGREEMENTS} more"]
    return lines


def _left_out_lines(comparison: dict[str, Any]) -> list[str]:
    """Which problems a run judged alone, and which each difference leaves out."""
    lines = [f"- only {r['run_dir']} judged: {', '.join(r['only'])}" for r in comparison["runs"] if r["only"]]
    for p in comparison["pairs"]:
        if p["only_baseline"] or p["only_run"]:
            left = ([f"judged by the baseline only: {', '.join(p['only_baseline'])}"] if p["only_baseline"] else []) \
                + ([f"judged by {p['run_dir']} only: {', '.join(p['only_run'])}"] if p["only_run"] else [])
            lines.append(f"- {p['run_dir']} - baseline is over {p['shared']} problems; left out, "
                         + "; ".join(left))
    return lines


def markdown(comparison: dict[str, Any]) -> str:
    """The comparison as markdown: the runs' figures, the differences to the baseline, the
    problems only some runs judged and the disagreements."""
    level = f"{100 * comparison['level']:g}%"
    lines = [f"# codesolve compare (baseline {comparison['baseline']})", "", "## Runs", "",
             *_runs_table(comparison), "",
             f"Each figure is a mean over the run's judged problems, with its {level} interval: "
             f"{comparison['method']}. n@k uses each run's own k.", "",
             "## Differences against the baseline (run - baseline)", "", *_pairs_table(comparison), "",
             f"\\* the {level} interval excludes 0. pp: percentage points.", ""]
    if comparison["note"]:
        lines += [f"Note: {comparison['note']}.", "", *_left_out_lines(comparison), ""]
    lines += ["## Disagreements", "", *_disagreement_lines(comparison)]
    return "\n".join(lines) + "\n"


__all__ = ["compare_runs", "markdown"]
