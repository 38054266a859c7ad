"""Bootstrap intervals (``solver.metrics``), the report's intervals and ``codesolve compare``.

The end-to-end tests replay the recorded pool of test_pool.py three times through the real
command line (local backend): run A with its tests model, run B without it (its first submission
then differs on Pool/1, where the bigger cluster is wrong; the disagreements expected are read from
the runs' own reports), run C with the tests model on the first two tasks only.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from solver.compare import markdown
from solver.metrics import bootstrap_interval, paired_interval

ROOT = Path(__file__).resolve().parents[2]
POOL = ROOT / "tests" / "solver" / "fixtures" / "pool"


def recomputed(values: list[float], draws: int = 2000, seed: int = 0, level: float = 0.95) -> tuple[float, float]:
    """The documented bootstrap, written out independently: one resample per loop turn."""
    rng = np.random.default_rng(seed)
    means = []
    for _ in range(draws):
        picks = rng.integers(0, len(values), size=len(values))
        means.append(sum(values[int(i)] for i in picks) / len(values))
    tail = 100 * (1 - level) / 2
    return float(np.percentile(means, tail)), float(np.percentile(means, 100 - tail))


# ---------------------------------------------------------------------- unit


def test_bootstrap_interval_is_the_documented_procedure():
    values = [1.0, 0.0, 1.0, 1.0, 0.0, 0.5, 0.25, 1.0, 0.0, 0.0, 1.0]
    assert bootstrap_interval(values) == pytest.approx(recomputed(values), abs=1e-12)
    assert bootstrap_interval(values, draws=300, seed=7, level=0.8) == pytest.approx(
        recomputed(values, 300, 7, 0.8), abs=1e-12)


def test_bootstrap_interval_is_close_to_the_normal_approximation_for_bernoulli_values():
    rng = np.random.default_rng(123)
    values = (rng.random(400) < 0.3).astype(float)
    p, n = values.mean(), len(values)
    half = 1.96 * math.sqrt(p * (1 - p) / n)
    low, high = bootstrap_interval(values)
    assert abs(low - (p - half)) <= 0.03 and abs(high - (p + half)) <= 0.03


def test_bootstrap_interval_of_constant_values_has_no_width_and_empty_input_is_an_error():
    assert bootstrap_interval([0.4] * 7) == pytest.approx((0.4, 0.4))
    with pytest.raises(ValueError, match="no values"):
        bootstrap_interval([])


def test_paired_interval_is_the_interval_of_the_differences():
    a, b = [1.0, 0.0, 1.0, 0.0, 1.0], [1.0, 1.0, 1.0, 0.0, 0.0]
    assert paired_interval(a, b) == bootstrap_interval([y - x for x, y in zip(a, b)])
    with pytest.raises(ValueError, match="3 and 2 values"):
        paired_interval([1.0, 0.0, 1.0], [1.0, 0.0])


# ---------------------------------------------------------------------- end to end


def codesolve(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "solver.cli", *args], capture_output=True, text=True, timeout=600,
                          cwd=ROOT)


def solve(out: Path, problems: Path, tests_model: bool = True) -> None:
    extra = ["--tests-model", f"replay:{POOL / 'tests.jsonl'}", "--tests-samples", "3"] if tests_model else []
    proc = codesolve("solve", str(problems), "--model", f"replay:{POOL / 'samples.jsonl'}", "-n", "4", "-k", "1",
                     "--out", str(out), "-q", "--backend", "local", *extra)
    assert proc.returncode == 0, proc.stderr


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("compare")
    two = tmp / "two.jsonl"
    two.write_text("".join((POOL / "problems.jsonl").read_text().splitlines(keepends=True)[:2]))
    dirs = {"A": tmp / "A", "B": tmp / "B", "C": tmp / "C"}
    solve(dirs["A"], POOL / "problems.jsonl")
    solve(dirs["B"], POOL / "problems.jsonl", tests_model=False)
    solve(dirs["C"], two)
    return dirs


def report(run: Path) -> dict[str, Any]:
    return json.loads((run / "report.json").read_text())


def compare_json(*dirs: Path) -> dict[str, Any]:
    proc = codesolve("compare", *map(str, dirs), "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_compare_gives_each_runs_report_figures_and_intervals(runs):
    comparison = compare_json(runs["A"], runs["B"])
    reports = [report(runs["A"]), report(runs["B"])]
    # Without the tests model the selection differs somewhere (Pool/1 at least, see test_pool.py).
    firsts = [{p["id"]: p["first"] for p in r["per_problem"]} for r in reports]
    assert firsts[0]["Pool_1"] != firsts[1]["Pool_1"]
    for run, rep in zip(comparison["runs"], reports):
        k = rep["submissions"]
        figures, ci = run["figures"], rep["intervals"]
        assert run["k"] == k and run["judged"] == rep["judged"] == 3
        for name, key in (("1_at_k", "1_at_k"), ("n_at_k", f"{k}_at_k"), ("coverage", "coverage")):
            assert figures[name]["value"] == pytest.approx(rep[key])
            assert [figures[name]["low"], figures[name]["high"]] == pytest.approx(ci[key])
        assert figures["pass_at_1"]["value"] == pytest.approx(rep["pass_at_k"]["1"])
        assert [figures["pass_at_1"]["low"], figures["pass_at_1"]["high"]] == pytest.approx(ci["pass_at_k"]["1"])
        # The intervals, recomputed from the report's per-problem rows.
        rows = rep["per_problem"]
        assert ci[f"{k}_at_k"] == pytest.approx(recomputed([float(p["solved"]) for p in rows]))
        assert ci["coverage"] == pytest.approx(recomputed([float(p["coverage"]) for p in rows]))
        assert ci["pass_at_k"]["1"] == pytest.approx(recomputed([p["correct_samples"] / p["samples"] for p in rows]))
        assert (figures["1_at_k"]["low"], figures["1_at_k"]["high"]) == pytest.approx(
            recomputed([float(p["first"]) for p in rows]))
        assert figures["seconds_per_problem"]["value"] == pytest.approx(np.mean([p["seconds"] for p in rows]), abs=0.01)
        assert figures["cost_per_problem"]["value"] == pytest.approx(np.mean([p["cost"] for p in rows]), abs=1e-6)
    # The paired differences, over the 3 problems both judged, and the disagreements.
    pair = comparison["pairs"][0]
    assert pair["shared"] == 3 and comparison["shared"] == 3 and comparison["note"] is None
    ids = [p["id"] for p in reports[0]["per_problem"]]
    diff = [float(firsts[1][i]) - float(firsts[0][i]) for i in ids]
    assert pair["differences"]["1_at_k"]["value"] == pytest.approx(np.mean(diff))
    assert (pair["differences"]["1_at_k"]["low"], pair["differences"]["1_at_k"]["high"]) == pytest.approx(
        recomputed(diff))
    assert [d["id"] for d in comparison["disagreements"]] == [i for i in ids if firsts[0][i] != firsts[1][i]]
    assert all(d["first"] == [firsts[0][d["id"]], firsts[1][d["id"]]] for d in comparison["disagreements"])


def test_compare_of_runs_on_different_problems_uses_the_shared_ones_and_says_so(runs):
    comparison = compare_json(runs["A"], runs["C"])
    assert comparison["shared"] == 2 and comparison["pairs"][0]["shared"] == 2
    assert comparison["pairs"][0]["only_baseline"] == ["Pool_2"] and comparison["pairs"][0]["only_run"] == []
    assert [r["only"] for r in comparison["runs"]] == [["Pool_2"], []]
    assert "2 problems both judged" in comparison["note"]
    assert comparison["runs"][0]["judged"] == 3 and comparison["runs"][1]["judged"] == 2
    md = codesolve("compare", str(runs["A"]), str(runs["C"]))
    assert md.returncode == 0, md.stderr
    assert "different problems" in md.stdout and f"only {runs['A']} judged: Pool_2" in md.stdout


def test_compare_markdown_shows_intervals_and_marks_differences(runs):
    proc = codesolve("compare", str(runs["A"]), str(runs["B"]))
    assert proc.returncode == 0, proc.stderr
    assert "## Differences against the baseline" in proc.stdout and "## Disagreements" in proc.stdout
    assert "100.0% (100.0–100.0%)" in proc.stdout and "excludes 0" in proc.stdout


def test_compare_markdown_stars_differences_whose_interval_excludes_zero_and_caps_disagreements():
    figure = {"value": 0.5, "low": 0.25, "high": 0.75}
    run = {"run_dir": "r", "model": "m", "judged": 60, "errors": 0, "k": 1, "cost": 0.0, "only": [],
           "figures": {"1_at_k": figure}}
    comparison = {"baseline": "a", "level": 0.95, "method": "bootstrap", "m": None, "shared": 60, "note": None,
                  "runs": [{**run, "run_dir": "a"}, {**run, "run_dir": "b"}],
                  "pairs": [{"run_dir": "b", "baseline": "a", "shared": 60, "only_baseline": [], "only_run": [],
                             "differences": {"1_at_k": {"value": 0.2, "low": 0.05, "high": 0.35},
                                             "n_at_k": {"value": 0.1, "low": -0.05, "high": 0.25}}}],
                  "disagreements": [{"id": f"P{i}", "first": [True, False], "solved": [True, True]}
                                    for i in range(53)]}
    md = markdown(comparison)
    assert "| +20.0 pp (+5.0 to +35.0) * | +10.0 pp (-5.0 to +25.0) |" in md
    assert "| P49 | yes / yes | no / yes |" in md and "P50" not in md and "... and 3 more" in md


def test_compare_refuses_a_directory_that_is_not_a_run_and_a_single_run(runs, tmp_path):
    proc = codesolve("compare", str(runs["A"]), str(tmp_path))
    assert proc.returncode == 2 and f"{tmp_path}: not a run directory" in proc.stderr
    proc = codesolve("compare", str(runs["A"]))
    assert proc.returncode == 2 and "at least two run directories" in proc.stderr


def test_report_md_shows_the_intervals(runs):
    md = (runs["A"] / "report.md").read_text()
    assert "| 95% CI | 100.0–100.0% |" in md and "percentile bootstrap over the 3 judged problems" in md
    assert report(runs["A"])["interval_draws"] == 2000
